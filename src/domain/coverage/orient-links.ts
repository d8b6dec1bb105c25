/**
 * Turns hierarchy-expansion rows into matching links. Expanding from the required side keeps the
 * kind; expanding from the evidence side flips it (a skill below the evidence means the evidence
 * is BROADER than that requirement).
 */
import type { HierarchyLink } from './hierarchy-link';

/** One row of a hierarchy expansion: `relatedUri` lies `distance` steps below/above `skillUri`. */
export interface ExpansionRow {
  readonly skillUri: string;
  readonly relatedUri: string;
  readonly kind: 'NARROWER' | 'BROADER';
  readonly distance: number;
}

/**
 * Links for requirements expanded through the hierarchy (`skillUri` is the requirement).
 *
 * @example
 * linksFromRequired([{ skillUri: R, relatedUri: E, kind: 'NARROWER', distance: 1 }])
 * // [{ requiredUri: R, evidenceUri: E, kind: 'NARROWER', distance: 1 }]: E lies below R
 */
export function linksFromRequired(rows: readonly ExpansionRow[]): HierarchyLink[] {
  return rows.map((row) => ({
    requiredUri: row.skillUri,
    evidenceUri: row.relatedUri,
    kind: row.kind,
    distance: row.distance,
  }));
}

/**
 * Links for evidence expanded through the hierarchy (`skillUri` is the evidence skill).
 *
 * @example
 * linksFromEvidence([{ skillUri: E, relatedUri: R, kind: 'NARROWER', distance: 1 }])
 * // [{ requiredUri: R, evidenceUri: E, kind: 'BROADER', distance: 1 }]: E lies above R
 */
export function linksFromEvidence(rows: readonly ExpansionRow[]): HierarchyLink[] {
  return rows.map((row) => ({
    requiredUri: row.relatedUri,
    evidenceUri: row.skillUri,
    kind: row.kind === 'NARROWER' ? 'BROADER' : 'NARROWER',
    distance: row.distance,
  }));
}
