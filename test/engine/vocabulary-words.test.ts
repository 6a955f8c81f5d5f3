import assert from 'node:assert/strict';
import { join } from 'node:path';
import { createSetup, lint, type PackData } from '../../server/src/engine';
import { buildModel } from '../../server/src/engine/model/model';
import { parseTitle } from '../../server/src/engine/model/title';
import { loadPack } from '../../server/src/packs/load-pack';
import { ROOT } from '../helpers/fixtures';

/**
 * Decision 2: the engine has no English of its own. The plain words it reads
 * documents with (sentences, clauses, titles, the heading a fix adds) come from the
 * pack's vocabulary, so a pack without them reads without them, and a pack can change them.
 */
describe('the engine reads its plain words from the pack vocabulary', () => {
  const core = loadPack(join(ROOT, 'rules', 'cx-core')).loaded!.pack;
  const setupWithout = (key: string) => createSetup([{ ...core, vocabulary: { ...core.vocabulary, [key]: undefined } } as PackData]);
  const setup = createSetup([core]);

  it('sentences.abbreviations: "e.g." ends no sentence only because the pack says so', () => {
    const text = '# Support Agent\n\n## Responsibilities\n\nAnswer chats from customers, e.g. returns and refunds. Resolve tickets.\n';
    assert.deepEqual(
      buildModel(text, setup.vocab).duties.map((d) => d.text),
      ['Answer chats from customers, e.g. returns and refunds.', 'Resolve tickets.'],
    );
    assert.equal(buildModel(text, setupWithout('sentences').vocab).duties.length, 3);
  });

  it('language: a posting in another language is kind other only because the pack names its own language', () => {
    // Our own Spanish, long enough to judge (at least minWords words).
    const text =
      '# Customer Experience Specialist\n\n## Responsabilidades\n\n' +
      '- Recibir a los huéspedes en la recepción del hotel y registrar su llegada en el sistema\n' +
      '- Atender las llamadas telefónicas y los correos de los huéspedes durante su estancia\n' +
      '- Preparar las facturas de salida y cobrar los pagos pendientes con tarjeta o efectivo\n' +
      '- Coordinar con el equipo de limpieza la entrega de las habitaciones listas para ocupar\n' +
      '- Resolver quejas de los huéspedes con amabilidad y registrar cada caso en el turno\n';
    const model = buildModel(text, setup.vocab);
    assert.equal(model.kind, 'other');
    assert.match(model.kindReason, /not in English/);
    assert.equal(buildModel(text, setupWithout('language').vocab).kind, 'posting');
    // A short English list with no function words at all is too short to judge.
    assert.equal(buildModel('# CX Associate\n\n## Duties\n\n- Greet guests\n- Take payments\n- Answer phones\n', setup.vocab).kind, 'posting');
  });

  it('titleWords.support: "Assistant to the … Director" names an assistant only because the pack says so', () => {
    const title = 'Executive Assistant to the Customer Experience Director';
    assert.equal(parseTitle(title, setup.vocab).roleNoun, 'Assistant');
    assert.equal(parseTitle(title, setupWithout('titleWords').vocab).roleNoun, 'Director');
  });

  it('leadIns: a list after "…in the following ways:" is duties only because the pack says so, and a pack can add a language', () => {
    const text =
      '# CX Lead\n\nOur new lead will make a real difference to our members in the following ways:\n\n- Map the journeys of our members\n- Run a feedback programme\n\n## Summary\n\nYou will keep the service standards up to date for every branch.\n';
    const duties = (s: typeof setup) => buildModel(text, s.vocab).duties.map((d) => d.text);
    assert.ok(duties(setup).includes('Map the journeys of our members'));
    assert.ok(!duties(setupWithout('leadIns')).includes('Map the journeys of our members'));
    const french = { name: 'fr', version: '1.0.0', rules: [], vocabulary: { leadIns: { workEndings: ['vous allez'] } } };
    assert.equal(createSetup([core, french]).vocab.isWorkLeadIn('Dans ce rôle, vous allez :'), true);
    assert.equal(setup.vocab.isWorkLeadIn('Dans ce rôle, vous allez :'), false);
  });

  it('headingVoice: "Growing with us" after the duties is the company speaking only because the pack says so', () => {
    const text =
      '# CX Manager\n\n## Responsibilities\n\n- Answer calls from customers\n- Resolve complaints by email\n\n## Growing with us\n\n- Map the claims journey with operations\n- Run a survey after every claim and act on it\n';
    const duties = (s: typeof setup) => buildModel(text, s.vocab).duties.length;
    assert.equal(duties(setup), 2);
    assert.equal(duties(setupWithout('headingVoice')), 4);
  });

  it('newDutiesHeading: a pack built on cx-core renames the duties section a fix adds', () => {
    const doc = '# Customer Experience Manager\n\nYou will answer calls from customers. You will resolve tickets for customers. You will handle chats.\n';
    const inserted = (s: typeof setup) => lint(doc, s).findings.find((f) => f.ruleId === 'cx-no-voice-of-customer')!.fixes[0].edits[0].newText;
    assert.match(inserted(setup), /^\n## Responsibilities\n/);
    const locale = { name: 'locale', version: '1.0.0', rules: [], vocabulary: { newDutiesHeading: 'Duties' } };
    assert.match(inserted(createSetup([core, locale])), /^\n## Duties\n/);
  });
});
