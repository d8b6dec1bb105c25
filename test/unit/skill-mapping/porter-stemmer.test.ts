import { describe, expect, it } from 'vitest';
import { porterStem } from '../../../src/domain/skill-mapping/porter-stemmer';

// Pairs from Porter's paper and the reference vocabulary, plus words of skill labels.
const CASES: Readonly<Record<string, string>> = {
  caresses: 'caress', ponies: 'poni', ties: 'ti', caress: 'caress', cats: 'cat', feed: 'feed', agreed: 'agre',
  plastered: 'plaster', bled: 'bled', motoring: 'motor', sing: 'sing', conflated: 'conflat', troubled: 'troubl',
  sized: 'size', hopping: 'hop', tanned: 'tan', falling: 'fall', hissing: 'hiss', fizzed: 'fizz', failing: 'fail',
  filing: 'file', happy: 'happi', sky: 'sky', relational: 'relat', conditional: 'condit', rational: 'ration',
  valenci: 'valenc', hesitanci: 'hesit', digitizer: 'digit', conformabli: 'conform', radicalli: 'radic',
  differentli: 'differ', vileli: 'vile', analogousli: 'analog', vietnamization: 'vietnam', predication: 'predic',
  operator: 'oper', feudalism: 'feudal', decisiveness: 'decis', hopefulness: 'hope', callousness: 'callous',
  formaliti: 'formal', sensitiviti: 'sensit', sensibiliti: 'sensibl', triplicate: 'triplic', formative: 'form',
  formalize: 'formal', electriciti: 'electr', electrical: 'electr', hopeful: 'hope', goodness: 'good',
  revival: 'reviv', allowance: 'allow', inference: 'infer', airliner: 'airlin', gyroscopic: 'gyroscop',
  adjustable: 'adjust', defensible: 'defens', irritant: 'irrit', replacement: 'replac', adjustment: 'adjust',
  dependent: 'depend', adoption: 'adopt', homologou: 'homolog', communism: 'commun', activate: 'activ',
  angulariti: 'angular', homologous: 'homolog', effective: 'effect', bowdlerize: 'bowdler', probate: 'probat',
  rate: 'rate', cease: 'ceas', controll: 'control', roll: 'roll', generalizations: 'gener', oscillators: 'oscil',
  development: 'develop', developer: 'develop', developing: 'develop', communication: 'commun', teams: 'team',
  programming: 'program',
};

describe('porterStem', () => {
  it('stems the reference examples', () => {
    const wrong = Object.entries(CASES).filter(([word, stem]) => porterStem(word) !== stem).map(([word, stem]) => `${word}: ${porterStem(word)} (expected ${stem})`);
    expect(wrong).toEqual([]);
  });

  it('leaves short words and words with digits or symbols alone', () => {
    expect(['it', 'c#', 'c++', 'node.js', 'html5', '3d'].map(porterStem)).toEqual(['it', 'c#', 'c++', 'node.js', 'html5', '3d']);
  });
});
