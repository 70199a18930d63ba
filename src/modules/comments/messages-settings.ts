import { defineMessages } from '../../core/i18n/catalog.ts';

// The comments fieldset of /admin/settings/modules: the spam limits (spam.ts).
export const commentsSettingsMessages = defineMessages({
  ro: {
    'comments.settings.title': 'Comentarii: limite împotriva spamului',
    'comments.settings.maxPerWindow': 'Câte comentarii poate scrie o persoană într-un interval',
    'comments.settings.maxPerWindow.hint': 'Cu 0 nimeni nu mai poate comenta.',
    'comments.settings.windowMinutes': 'Lungimea intervalului (minute)',
    'comments.settings.windowMinutes.hint': 'Cu 0 numărul de comentarii nu este limitat.',
    'comments.settings.maxLinks': 'Câte linkuri poate avea un comentariu',
    'comments.settings.duplicateHours': 'Câte ore nu poate fi repetat același text',
    'comments.settings.duplicateHours.hint': 'Cu 0 textele repetate sunt permise.',
  },
  en: {
    'comments.settings.title': 'Comments: spam limits',
    'comments.settings.maxPerWindow': 'How many comments one person may write within the interval',
    'comments.settings.maxPerWindow.hint': 'With 0 nobody can comment.',
    'comments.settings.windowMinutes': 'Length of the interval (minutes)',
    'comments.settings.windowMinutes.hint': 'With 0 the number of comments is not limited.',
    'comments.settings.maxLinks': 'How many links one comment may have',
    'comments.settings.duplicateHours': 'For how many hours the same text cannot be repeated',
    'comments.settings.duplicateHours.hint': 'With 0 repeated texts are allowed.',
  },
  hu: {
    'comments.settings.title': 'Hozzászólások: korlátok a spam ellen',
    'comments.settings.maxPerWindow': 'Hány hozzászólást írhat egy személy az időszakon belül',
    'comments.settings.maxPerWindow.hint': '0 esetén senki sem szólhat hozzá.',
    'comments.settings.windowMinutes': 'Az időszak hossza (perc)',
    'comments.settings.windowMinutes.hint': '0 esetén a hozzászólások száma nincs korlátozva.',
    'comments.settings.maxLinks': 'Hány hivatkozás lehet egy hozzászólásban',
    'comments.settings.duplicateHours': 'Hány óráig nem ismételhető ugyanaz a szöveg',
    'comments.settings.duplicateHours.hint': '0 esetén az ismételt szövegek megengedettek.',
  },
});
