/** Numbers as a person reads them. */

/** 0.4567 → "46 %". */
export const pct = (value: number | null | undefined): string =>
  value === null || value === undefined ? '–' : `${Math.round(value * 100)} %`;

/** Hours with at most one decimal. */
export const hours = (value: number | null | undefined): string =>
  value === null || value === undefined ? '–' : `${Math.round(value * 10) / 10} h`;

/** A price with its currency. */
export const money = (amount: number | null | undefined, currency = 'EUR'): string =>
  amount === null || amount === undefined ? 'no price' : `${amount.toFixed(2)} ${currency}`;

/** ENUM_CASE → "enum case". */
export const words = (value: string | null | undefined): string =>
  value ? value.toLowerCase().replace(/_/g, ' ') : '–';
