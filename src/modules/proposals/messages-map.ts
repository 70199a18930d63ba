import { defineMessages } from '../../core/i18n/catalog.ts';

// The map view of a proposals component.
export const proposalsMapMessages = defineMessages({
  ro: {
    'proposals.view.label': 'Mod de afișare',
    'proposals.view.list': 'Listă',
    'proposals.view.map': 'Hartă',
    'proposals.map.label': 'Harta propunerilor',
    'proposals.map.note': 'Pe hartă apar propunerile care au un loc ales. Toate propunerile sunt și în lista de mai jos.',
    'proposals.map.legend': 'Legenda hărții',
    'proposals.map.cluster': '{count} propuneri apropiate; apasă pentru a mări harta',
    'proposals.map.noscript': 'Harta are nevoie de JavaScript. Propunerile sunt în lista de mai jos.',
    'proposals.map.geojson': 'Propunerile de pe hartă în format GeoJSON',
  },
  en: {
    'proposals.view.label': 'View',
    'proposals.view.list': 'List',
    'proposals.view.map': 'Map',
    'proposals.map.label': 'Map of proposals',
    'proposals.map.note': 'The map shows the proposals that have a chosen place. Every proposal is also in the list below.',
    'proposals.map.legend': 'Map legend',
    'proposals.map.cluster': '{count} proposals close together; press to zoom in',
    'proposals.map.noscript': 'The map needs JavaScript. The proposals are in the list below.',
    'proposals.map.geojson': 'The proposals on the map as GeoJSON',
  },
  hu: {
    'proposals.view.label': 'Nézet',
    'proposals.view.list': 'Lista',
    'proposals.view.map': 'Térkép',
    'proposals.map.label': 'A javaslatok térképe',
    'proposals.map.note': 'A térképen a helyszínnel rendelkező javaslatok látszanak. Minden javaslat szerepel az alábbi listában is.',
    'proposals.map.legend': 'Jelmagyarázat',
    'proposals.map.cluster': '{count} egymáshoz közeli javaslat; nagyításhoz kattintson',
    'proposals.map.noscript': 'A térképhez JavaScript szükséges. A javaslatok az alábbi listában találhatók.',
    'proposals.map.geojson': 'A térképen látható javaslatok GeoJSON formátumban',
  },
});
