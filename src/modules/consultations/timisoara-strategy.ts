// Timișoara's Smart City and Digital Transformation Strategy 2021–2027 as presented in the third
// stakeholder consultation (31 December 2021 – 24 January 2022): seven ambitions, their strategic
// objectives, the strategic projects that received expressions of interest, and the open actions
// proposed to become strategic projects. Texts as in the city's presentation (line breaks of the
// slides joined, one OCR slip corrected: "țimișorenii" → "timișorenii").

export interface StrategyAmbition {
  code: string;
  title: string;
  objectives: { code: string; title: string; projects: string[] }[];
  openActions: string[];
}

export const TIMISOARA_CONSULTATION = {
  title: 'Consultare a stakeholderilor – Strategia Smart City și Transformare Digitală Timișoara 2021-2027',
  purpose:
    'A treia consultare cu stakeholderii (părțile interesate: cele care sunt afectate sau afectează în egală măsură o inițiativă de schimbare la nivel de comunitate). ' +
    'Scopul consultării: validare cadru strategic și operațional, exprimare a interesului de implicare în parteneriate, precum și propunerea de acțiuni deschise care să fie preluate în categoria proiectelor strategice.',
  startsOn: '2021-12-31',
  endsOn: '2022-01-24',
};

export const TIMISOARA_STRATEGY: StrategyAmbition[] = [
  {
    code: 'I',
    title: 'Fiecare cetățean are o voce',
    objectives: [
      {
        code: 'I.1',
        title: 'Crearea unei culturi participative, precum și diversificarea oportunităților și a instrumentelor de implicare în viața publică a cetățenilor și a mediului privat',
        projects: ['Plan de acțiune privind datele deschise pentru Timișoara', 'Timișoara colectivă', 'Soluții smart pentru incluziune socială prin educație și creativitate'],
      },
      { code: 'I.2', title: 'Alfabetizare digitală și educație comunitară', projects: ['Orientare Smart City pentru cetățeni'] },
      {
        code: 'I.3',
        title: 'Transparența și acces pentru cetățeni la deciziile publice, astfel încât aceștia să perceapă că dețin cunoaștere și control',
        projects: ['Platforma transparentă de semnalare a problemelor punctuale (e.g. gunoi, gropi, etc)', 'Platforma participativă publică DECIDEM: Sistem de guvernare locală și consultare a cetățenilor'],
      },
    ],
    openActions: ['Facilitarea creării de "grupuri locale" de administrare și comunicare cu cetățenii, pe zone sau cartiere - AD', 'Crearea primăriilor de cartier - AD'],
  },
  {
    code: 'II',
    title: 'Orașul pentru toți',
    objectives: [
      { code: 'II.1', title: 'Integrarea serviciilor publice la nivel de oraș, prin colaborare și negociere interdisciplinară', projects: ['Cartea de identitate electronică', 'Platforma integrată de generare și standardizare a datelor'] },
      { code: 'II.2', title: 'Interacțiunea facilă, clară și eficientă cu instituțiile din oraș, prin optimizarea proceselor administrative din domeniul public și privat', projects: ['Administrație digitală'] },
      { code: 'II.3', title: 'Infrastructuri și servicii publice accesibile pentru persoane din grupuri vulnerabile', projects: ['Ambasadori pentru digitalizare'] },
    ],
    openActions: ['DocuBox- livrare de tip EasyBox pentru cetățeni', 'Interconectarea digitală a infrastructurilor educaționale, cu administrația și angajatorii'],
  },
  {
    code: 'III',
    title: 'Ecosistem vibrant de inovare',
    objectives: [
      {
        code: 'III.1',
        title: 'Crearea premiselor pentru un ecosistem de inovare coeziv, interconectat și transparent, care oferă oportunități de co-creare și inovare pentru orice tip de stakeholder',
        projects: ['Definirea unui cartier al inovării', 'Timișoara Living Lab', 'Harta spațiilor abandonate pentru folosirea temporară în scopuri de susținere a antreprenoriatului', 'Ecosistem pentru ciclul complet de inovare'],
      },
      {
        code: 'III.2',
        title: 'Stimularea culturii antreprenoriale, bazată pe diferențiatori tematici și sectoriali de competitivitate pentru Timișoara la nivel internațional, în termeni de cercetare-dezvoltare-inovare, cunoaștere sau resurse umane',
        projects: ['Târg internațional de inovare', '"From Lab to Market" - pachet de suport pentru atragerea inovatorilor și startup-urilor din întreaga lume', 'Compass birocratic pentru startup și freelance'],
      },
      {
        code: 'III.3',
        title: 'Creșterea calității educației, la toate nivelurile, prin implicarea semnificativă și structurată a profesioniștilor din mediul economic',
        projects: [
          'Multi-industry and multi-education hub',
          'Sector Focus: Incubatoare, programe de accelerare, cursuri de antreprenoriat și hackathons cu focus sectorial strategic',
          'Innovation and Startup Trail: transfer de cunoștințe între companiile tehnologice din Timișoara',
        ],
      },
    ],
    openActions: [
      'Platformă web prin care timișorenii cu expunere internațională pot contacta potențialii investitori',
      'Co-finanțare centru de inovare aplicată cu universități/companii/PMT pe nevoi de inovare globale',
      'Modele de succes în care municipalitatea susține inițiative antreprenoriale din oraș (pe modelul Make IT in Oradea)',
    ],
  },
  {
    code: 'IV',
    title: 'Timișoara – oraș atractiv pentru talente din mediul internațional',
    objectives: [
      {
        code: 'IV.1',
        title: 'Crearea Brand-ului de oraș în jurul conceptului smart și crearea premiselor pentru poziționarea Timișoarei în top 25 al orașelor europene atractive, în clasa corespunzătoare de mărime',
        projects: ['MAGNETimișoara: Brand de oraș pentru creșterea atractivității Timișoarei la nivel european', 'Diaspora "back home"'],
      },
      {
        code: 'IV.2',
        title: 'Deschiderea către alte comunități din orașe europene, favorizarea învățării reciproce, precum și conectarea directă a timișorenilor cu cetățeni ai altor orașe',
        projects: ['Democratizarea și accesibilizarea inovării - "citizen / community science"', 'Timișoara în context paneuropean'],
      },
      { code: 'IV.3', title: 'Crearea de produse și servicii digitale care vor facilita descoperirea orașului de către turiștii străini', projects: ['Interconectare digitală transfrontalieră cu scopul de a susține antreprenoriatul și turismul'] },
    ],
    openActions: [
      'Dezvoltarea aeroportului / diversificare zboruri, precum și transport în comun viabil înspre / dinspre aeroport',
      'Scheme de finanțare a unor proiecte care atrag turiști în oraș',
      'Smart Students For Timișoara - atragerea de talente',
    ],
  },
  {
    code: 'V',
    title: 'Orașul durabil',
    objectives: [
      {
        code: 'V.1',
        title: 'Reducerea consumului cotidian de resurse',
        projects: ['Plan de acțiune pentru economie circulară Timișoara', 'Stimulente locale pentru încurajarea și bonificarea comportamentului sustenabil al cetățenilor', 'Energie verde pentru Timișoara', 'Monitorizarea și optimizarea digitală a consumurilor'],
      },
      { code: 'V.2', title: 'Mediu mai curat - creșterea calității spațiului verde și a biodiversității', projects: ['Soluții bazate pe natură ("Nature based solutions")'] },
      {
        code: 'V.3',
        title: 'Îmbunătățirea condițiilor de trai în oraș, pe baza datelor colectate în timp real, referitoare la factorii umani și de mediu',
        projects: ['Food Waste Timișoara', 'Timișoara - un oraș curat - e-curațenie'],
      },
    ],
    openActions: ['Oraș verde - curat și sănătos - conform Pactului European Green Cities', 'Implementare sistem de colectare deșeuri "Plătești cât arunci"'],
  },
  {
    code: 'VI',
    title: 'Smart City este Fun City Timișoara',
    objectives: [
      {
        code: 'VI.1',
        title: 'Sănătate mentală și fizică îmbunătățite a cetățenilor, în contextul unui oraș care oferă mai multă predictibilitate și mai puțin stres',
        projects: ['Zone de siguranță pentru activități recreative: adulți și copii', 'Sport in parcuri: Dotarea și distribuirea de echipamente sportive ce pot fi amplasate în parcurile publice și promovarea lor digitală'],
      },
      {
        code: 'VI.2',
        title: 'O viață culturală a orașului dinamică și diversă, bazată pe industrii creative efervescente și un patrimoniu cultural multicultural valorificat în mod inovator',
        projects: ['Aplicații de Realitate Augmentată cu povești din oraș, conectate cu locațiile fizice'],
      },
      { code: 'VI.3', title: 'Crearea premiselor pentru orașul în care îți dorești să te dezvolți profesional, să îți crești copiii și să îmbătrânești', projects: ['Instalații urbane high tech interactive'] },
    ],
    openActions: ['Ghidul muzeelor / locurilor de interes direct pe smartphone', 'Implicarea cetățenilor în inovare socială la nivelul orașului'],
  },
  {
    code: 'VII',
    title: 'Investiții publice inteligente și de impact',
    objectives: [
      {
        code: 'VII.1',
        title: 'Stimularea și ghidarea strategică a investițiilor în infrastructura digitală',
        projects: [
          'Digital Twin Timișoara: Platforma digitală a orașului: arhitectură - colectare de date cu senzori - date deschise și standardizate - harta 3D a orașului',
          'Infrastructura de Smart City: ultraconnectivity, ultrabroadband, IoT',
        ],
      },
      {
        code: 'VII.2',
        title: 'Susținerea instituțiilor publice în a atinge impactul optim în urma investițiilor realizate, prin intermediul unor instrumente care să susțină exploatarea și sustenabilitatea acestora',
        projects: ['Centru de mobilitate urbană', 'Prototiparea și pilotarea de noi mijloace de mobilitate urbană – eCar sharing, eBike sharing, AD shuttles, delivery bots / drones, intersecții inteligente etc.'],
      },
      {
        code: 'VII.3',
        title: 'Crearea unui sistem accesibil și prietenos de transport public și mobilitate, precum și stimularea dezvoltării de noi aplicații digitale pentru mobilitate de către mediul privat',
        projects: ['Car Sharing cu vehicule electrice', 'Better VeloTM: mai facil de utilizat, non stop digitalizat și cu componentă de gamificare', 'Plan de acțiune pentru mobilitate urbana digitală, incluzivă și conectată'],
      },
      {
        code: 'VII.4',
        title: 'Conectarea organică a zonelor urbane și periurbane ale zonei metropolitane Timișoara',
        projects: ['Platforma de transport multimodal', 'Transport la școala pentru toți', 'Timișoara MaaS - mobilitatea ca serviciu: gruparea tuturor serviciilor de mobilitate într-un portal comun'],
      },
    ],
    openActions: ['Timișoara - Electric City', 'Mobilitate pietonală', 'Reglementarea zonelor de trafic redus și dezvoltarea zonelor de acces cu bicicleta, precum și Park & Ride'],
  },
];
