// Romanian function words, written without diacritics because they are matched after folding.
// They carry no hint of the problem's category and would only add noise to every class alike.
export const STOP_WORDS: ReadonlySet<string> = new Set([
  'acea', 'aceasta', 'aceea', 'acei', 'aceia', 'acel', 'acela', 'acele', 'acelasi', 'acelea',
  'acest', 'acesta', 'aceste', 'acestea', 'acestei', 'acestia', 'acestui', 'acolo', 'acum',
  'adica', 'aici', 'ale', 'alt', 'alta', 'alte', 'altele', 'altfel', 'altii', 'am', 'ar', 'are',
  'asa', 'asta', 'astea', 'astfel', 'ati', 'atat', 'atata', 'atatea', 'atatia', 'au', 'avea',
  'avem', 'aveti', 'azi', 'bine', 'buna', 'ca', 'cand', 'care', 'careia', 'carora', 'caruia',
  'cat', 'cata', 'cate', 'cati', 'catre', 'ce', 'cea', 'cei', 'cel', 'cele', 'celor', 'celui',
  'ceva', 'cine', 'cineva', 'cu', 'cui', 'cum', 'da', 'daca', 'dar', 'de', 'deci', 'decat', 'deja',
  'desi', 'despre', 'din', 'dintr', 'dintre', 'doar', 'dupa', 'ea', 'ei', 'el', 'ele', 'este',
  'esti', 'eu', 'fara', 'fata', 'fi', 'fie', 'fiecare', 'fiind', 'foarte', 'fost', 'iar', 'ii',
  'il', 'in', 'inca', 'incat', 'insa', 'intr', 'intre', 'langa', 'ma', 'mai', 'mea', 'mei', 'mele',
  'meu', 'mi', 'mie', 'mine', 'multumesc', 'ne', 'nici', 'nicio', 'niciun', 'noastra', 'noastre',
  'noi', 'nostri', 'nostru', 'nou', 'nu', 'or', 'ori', 'pana', 'pe', 'pentru', 'peste', 'poate',
  'prin', 'printre', 'rog', 'sa', 'sau', 'se', 'si', 'sunt', 'spre', 'sub', 'suntem', 'sunteti',
  'ta', 'tale', 'te', 'tine', 'tot', 'toata', 'toate', 'toti', 'tu', 'ul', 'un', 'una', 'unde',
  'unei', 'unele', 'unii', 'unor', 'unui', 'va', 'voi', 'vor', 'vostru', 'ziua', 'str', 'nr', 'bd',
  'bld', 'bl', 'ap', 'sc',
]);
