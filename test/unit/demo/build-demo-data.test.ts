import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildDemoData, DEFAULT_DEMO_OPTIONS } from '../../../src/generate/demo/build-demo-data';
import { readDemoSource } from '../../../src/generate/demo/read-demo-source';
import { readDemoFiles } from '../../../src/generate/demo/demo-files';

const root = path.resolve(__dirname, '../../..');
const source = readDemoSource(path.join(root, 'seed/esco'));
const committed = readDemoFiles(path.join(root, 'seed/demo'));

describe('demo catalog and population (issue #13 item 1)', () => {
  it('is deterministic and the committed seed/demo files are its output', () => {
    const built = buildDemoData(source, DEFAULT_DEMO_OPTIONS);
    expect(JSON.parse(JSON.stringify(built))).toEqual(committed);
    expect(buildDemoData(source, DEFAULT_DEMO_OPTIONS)).toEqual(built);
  });

  it('has at least 300 credentials from at least 15 invented providers, with the EU elements filled', () => {
    expect(committed.providers.length).toBeGreaterThanOrEqual(15);
    expect(committed.providers.every((p) => p.name.endsWith('(invented)'))).toBe(true);
    expect(committed.credentials.length).toBeGreaterThanOrEqual(300);
    const providerIds = new Set(committed.providers.map((p) => p.id));
    expect(new Set(committed.credentials.map((c) => c.providerId)).size).toBeGreaterThanOrEqual(15);
    for (const c of committed.credentials) {
      expect(providerIds.has(c.providerId)).toBe(true);
      expect(c.props.workloadHours).toBeGreaterThan(0);
      expect(c.props.ects).toBeGreaterThan(0);
      expect(c.props.eqfLevel).toBeGreaterThanOrEqual(1);
      expect(c.props.assessmentType).toBeTruthy();
      expect(c.props.qualityAssurance).toBeTruthy();
      expect(c.props.languages.length).toBeGreaterThan(0);
      expect(['ONLINE', 'ONSITE', 'BLENDED']).toContain(c.props.participationForm);
      if (c.props.priceAmount !== null) expect(c.props.priceCurrency).toBe('EUR');
    }
    expect(committed.credentials.filter((c) => c.props.priceAmount === 0).length).toBeGreaterThan(5);
    expect(committed.credentials.filter((c) => c.props.priceAmount === null).length).toBeGreaterThan(5);
    expect(committed.credentials.filter((c) => c.prerequisiteUris.length > 0).length).toBeGreaterThan(10);
    const ids = new Set(committed.credentials.map((c) => c.id));
    const parts = committed.credentials.filter((c) => c.partOfId !== null);
    expect(new Set(parts.map((c) => c.partOfId)).size).toBeGreaterThanOrEqual(3);
    for (const part of parts) expect(ids.has(part.partOfId!)).toBe(true);
  });

  it('teaches every essential skill of every seed occupation in an English course, so any plan can close the gap', () => {
    const taughtInEnglish = new Set(
      committed.credentials.filter((c) => c.props.languages.includes('en')).flatMap((c) => c.skills.map((s) => s.uri)),
    );
    expect(source.occupations.length).toBeGreaterThan(100);
    for (const occupation of source.occupations) {
      expect(
        occupation.essential.filter((uri) => !taughtInEnglish.has(uri)),
        occupation.label,
      ).toEqual([]);
    }
  });

  it('has at least 40 learners with dated holdings of existing credentials, consent, targets and advisor grants', () => {
    const ids = new Set(committed.credentials.map((c) => c.id));
    expect(committed.learners.length).toBeGreaterThanOrEqual(40);
    expect(committed.learners.filter((l) => l.matchingConsent).length).toBeGreaterThanOrEqual(10);
    expect(committed.learners.filter((l) => l.advisorSubjects.includes('demo-advisor')).length).toBeGreaterThanOrEqual(
      5,
    );
    expect(committed.learners.filter((l) => l.declaredSkillUris.length > 0).length).toBeGreaterThanOrEqual(5);
    const holdings = committed.learners.flatMap((l) => l.holdings);
    expect(holdings.every((h) => ids.has(h.credentialId) && /^\d{4}-\d{2}-\d{2}$/.test(h.issuedOn))).toBe(true);
    expect(holdings.filter((h) => h.expiresOn !== null).length).toBeGreaterThan(5);
    expect(committed.learners.every((l) => l.targetOccupationUris.length > 0)).toBe(true);
    const ann = committed.learners.find((l) => l.id === 'demo-ann')!;
    expect(ann.matchingConsent).toBe(true);
    expect(ann.holdings.length).toBeGreaterThan(0);
    expect(ann.advisorSubjects).toEqual(['demo-advisor']);
  });

  it('has postings of the demo portal, the README example posting among them', () => {
    expect(committed.postings.length).toBeGreaterThanOrEqual(20);
    expect(committed.postings.every((p) => p.portalId === 'demo-portal' && p.essentialCount > 0)).toBe(true);
    expect(committed.postings.map((p) => p.id)).toContain('demo-posting-01');
    expect(committed.personas.portal.portalId).toBe('demo-portal');
  });
});
