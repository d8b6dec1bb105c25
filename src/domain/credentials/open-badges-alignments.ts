import type { AlignmentCandidate } from './alignment-classification';
import { toEqfLevel } from './eqf-level';
import { languageText, text, type JsonObject } from './json-ld-values';

/** Open Badges alignments, split into skill-like targets and credential metadata. */
export interface OpenBadgesAlignments {
  /** Targets to classify as ESCO skills or other alignments. */
  readonly targets: AlignmentCandidate[];
  /** From an EQF alignment (edubadges: `targetType: "ext:EQF"`, `targetCode: "4"`). */
  readonly eqfLevel?: number;
  /** From a quality-assurance alignment (edubadges: `targetType: "ext:QualityAssurance"`). */
  readonly qualityAssurance?: string;
}

/**
 * Reads `alignment` entries (OB 2.0 and 3.0 share `targetUrl` / `targetName` / `targetType`).
 *
 * EQF and quality-assurance alignments describe the credential, not a skill it certifies, so
 * they are consumed here and kept out of the skill/other-alignment lists.
 *
 * @example
 * readOpenBadgesAlignments([{ targetType: 'ext:EQF', targetName: 'EQF level 4', targetCode: '4', targetUrl: 'https://x' }])
 * // { targets: [], eqfLevel: 4 }
 */
export function readOpenBadgesAlignments(alignments: readonly JsonObject[]): OpenBadgesAlignments {
  const targets: AlignmentCandidate[] = [];
  let eqfLevel: number | undefined;
  let qualityAssurance: string | undefined;
  for (const alignment of alignments) {
    const url = text(alignment.targetUrl);
    const name = languageText(alignment.targetName);
    const kind = metadataKind(alignment);
    if (kind === 'EQF') {
      eqfLevel ??= toEqfLevel(alignment.targetCode) ?? toEqfLevel(name) ?? toEqfLevel(url);
    } else if (kind === 'QA') {
      qualityAssurance ??= name ?? languageText(alignment.targetDescription) ?? url;
    } else if (url !== undefined) {
      targets.push(name === undefined ? { url } : { url, name });
    }
  }
  return {
    targets,
    ...(eqfLevel !== undefined ? { eqfLevel } : {}),
    ...(qualityAssurance !== undefined ? { qualityAssurance } : {}),
  };
}

function metadataKind(alignment: JsonObject): 'EQF' | 'QA' | undefined {
  const type = text(alignment.targetType) ?? '';
  const localType = type.slice(type.lastIndexOf(':') + 1);
  const framework = text(alignment.targetFramework) ?? '';
  if (/^EQF$/i.test(localType) || /^(EQF|European Qualifications? Framework)\b/i.test(framework)) return 'EQF';
  if (/^QualityAssurance$/i.test(localType)) return 'QA';
  return undefined;
}
