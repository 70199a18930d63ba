import { defineMessages } from '../../core/i18n/catalog.ts';

// The maps of an edition's projects and of a budget's results.
export const budgetsMapMessages = defineMessages({
  ro: {
    'pb.map.heading': 'Proiectele pe hartă',
    'pb.map.label': 'Harta proiectelor',
    'pb.map.resultsLabel': 'Harta proiectelor votate',
    'pb.map.note': 'Pe hartă apar proiectele care au un loc ales. Toate proiectele sunt și în tabelele de mai jos.',
    'pb.map.resultsNote': 'Pe hartă apar proiectele votate care au un loc ales; cele câștigătoare au un semn de bifare. Toate sunt și în tabelul de mai sus.',
    'pb.map.legend': 'Legenda hărții',
    'pb.map.cluster': '{count} proiecte apropiate; apasă pentru a mări harta',
    'pb.map.notFunded': 'nefinanțat',
    'pb.map.geojson': 'Proiectele de pe hartă în format GeoJSON',
    'pb.map.projectLabel': 'Locul proiectului pe hartă',
    'pb.map.projectNote': 'Coordonatele locului sunt scrise mai sus, în descrierea proiectului.',
  },
  en: {
    'pb.map.heading': 'Projects on the map',
    'pb.map.label': 'Map of the projects',
    'pb.map.resultsLabel': 'Map of the projects voted on',
    'pb.map.note': 'The map shows the projects that have a chosen place. Every project is also in the tables below.',
    'pb.map.resultsNote': 'The map shows the projects voted on that have a chosen place; the winners carry a check mark. All of them are also in the table above.',
    'pb.map.legend': 'Map legend',
    'pb.map.cluster': '{count} projects close together; press to zoom in',
    'pb.map.notFunded': 'not funded',
    'pb.map.geojson': 'The projects on the map as GeoJSON',
    'pb.map.projectLabel': 'Where the project is, on a map',
    'pb.map.projectNote': 'The coordinates of the place are written above, with the project details.',
  },
  hu: {
    'pb.map.heading': 'A projektek térképen',
    'pb.map.label': 'A projektek térképe',
    'pb.map.resultsLabel': 'A megszavazott projektek térképe',
    'pb.map.note': 'A térképen a helyszínnel rendelkező projektek látszanak. Minden projekt szerepel az alábbi táblázatokban is.',
    'pb.map.resultsNote': 'A térképen a helyszínnel rendelkező megszavazott projektek látszanak; a nyerteseket pipa jelöli. Mindegyik szerepel a fenti táblázatban is.',
    'pb.map.legend': 'Jelmagyarázat',
    'pb.map.cluster': '{count} egymáshoz közeli projekt; nagyításhoz kattintson',
    'pb.map.notFunded': 'nem támogatott',
    'pb.map.geojson': 'A térképen látható projektek GeoJSON formátumban',
    'pb.map.projectLabel': 'A projekt helye a térképen',
    'pb.map.projectNote': 'A hely koordinátái fent, a projekt adatai között olvashatók.',
  },
});
