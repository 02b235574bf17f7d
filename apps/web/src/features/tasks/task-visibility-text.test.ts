import { taskVisibilityReasonCode } from '@ciao/domain';
import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { catalogues } from '../../i18n/catalogues';
import { visibilityReasonText } from './task-visibility-text';

const i18n = i18next.createInstance();
await i18n.init({
  resources: Object.fromEntries(
    Object.entries(catalogues).map(([language, catalogue]) => [language, { translation: catalogue }]),
  ),
  lng: 'fr',
  initAsync: false,
  interpolation: { escapeValue: false },
});
const french = i18n.getFixedT('fr');
const dutch = i18n.getFixedT('nl');
const day = (isoDate: string) => `<${isoDate}>`;

describe('visibilityReasonText', () => {
  it('tells the manager what to fix, in plain words', () => {
    expect(visibilityReasonText(french, { code: 'AGENT_NOT_LINKED', date: null }, day)).toBe(
      "L'agent n'est pas lié à cette tâche : ajoutez-le dans « Agents liés ».",
    );
    expect(visibilityReasonText(dutch, { code: 'AGENT_NO_APP_ACCESS', date: null }, day)).toBe(
      'De agent heeft geen toegang tot de agent-app: vink „Toegang tot de agent-app” aan in het scherm Agenten.',
    );
  });

  it('names the date of a dated reason, and does without when the server gave none', () => {
    expect(visibilityReasonText(french, { code: 'TASK_NOT_STARTED', date: '2026-12-01' }, day)).toBe(
      "La tâche n'est valable qu'à partir du <2026-12-01> : avancez la date « Valable à partir du ».",
    );
    expect(visibilityReasonText(french, { code: 'AGENT_ENDED', date: null }, day)).toBe(
      "L'agent n'est plus actif : prolongez ou videz la date « Actif jusqu'au » dans l'écran Agents.",
    );
  });

  it('has its own sentence for every reason of the contract, in every language', () => {
    for (const language of ['fr', 'nl', 'en', 'de']) {
      const t = i18n.getFixedT(language);
      const sentences = taskVisibilityReasonCode.options.map((code) =>
        visibilityReasonText(t, { code, date: '2026-12-01' }, day),
      );
      expect(new Set(sentences).size).toBe(taskVisibilityReasonCode.options.length);
      for (const sentence of sentences) expect(sentence).not.toMatch(/tasks\.visibility|\{\{/);
    }
  });
});
