import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { canonicalNoteText, fitsTemplate, NOTE_TEMPLATES, TEMPLATE_SECTIONS } from './notes';

describe('note templates', () => {
  it('hold exactly their sections', () => {
    expect(fitsTemplate('soap', { subjective: 'a', objective: '', assessment: 'c', plan: 'd' })).toBe(true);
    expect(fitsTemplate('soap', { subjective: 'a', objective: '', assessment: 'c' })).toBe(false);
    expect(fitsTemplate('dap', { data: 'a', assessment: 'b', plan: 'c', extra: 'x' })).toBe(false);
    expect(fitsTemplate('free_text', { text: 5 })).toBe(false);
    expect(fitsTemplate('intake_assessment', Object.fromEntries(TEMPLATE_SECTIONS.intake_assessment.map((s) => [s, ''])))).toBe(true);
  });

  it('give one canonical text per content, whatever the order of its keys, and a different one for any change', () => {
    fc.assert(
      fc.property(fc.constantFrom(...NOTE_TEMPLATES), fc.array(fc.string(), { minLength: 6, maxLength: 6 }), fc.nat(5), (template, texts, changed) => {
        const sections = TEMPLATE_SECTIONS[template];
        const content = Object.fromEntries(sections.map((s, i) => [s, texts[i]!]));
        const reversed = Object.fromEntries([...sections].reverse().map((s) => [s, content[s]!]));
        expect(canonicalNoteText(template, reversed)).toBe(canonicalNoteText(template, content));
        const section = sections[changed % sections.length]!;
        expect(canonicalNoteText(template, { ...content, [section]: `${content[section]}.` })).not.toBe(canonicalNoteText(template, content));
      }),
    );
  });

  it('treat the same Indonesian text typed as composed or decomposed characters alike', () => {
    expect(canonicalNoteText('free_text', { text: 'Caf\u00e9' })).toBe(canonicalNoteText('free_text', { text: 'Cafe\u0301' }));
  });
});
