/**
 * XLSForm test fixtures, written here (not copied): one small form for each construct of the XLSForm
 * specification and of pyxform's example forms (groups, repeats, selects, or_other, constraints, relevants,
 * calculations, choice filters, cascading selects, notes, metadata fields, media, loops, external lists…),
 * plus broken files. Each is generated as an .xlsx with exceljs by {@link fixtureBytes}.
 */
import ExcelJS from 'exceljs';

/** A sheet as rows of cells, the first row being the header. */
type Grid = string[][];

export interface FormFixture {
  name: string;
  survey?: Grid;
  choices?: Grid;
  settings?: Grid;
  /** Extra sheets (e.g. a form whose survey sheet is misnamed). */
  sheets?: Record<string, Grid>;
  /** Raw bytes instead of a workbook (broken files). */
  bytes?: Uint8Array;
  fileName?: string;
  /** `plain`: must import (maybe with reported issues); `broken`: must be refused with a message. */
  expect: 'plain' | 'unsupported' | 'broken';
}

const S = ['type', 'name', 'label'];
const C = ['list_name', 'name', 'label'];
const yesNo: Grid = [C, ['oui_non', 'oui', 'Oui'], ['oui_non', 'non', 'Non']];

export const formFixtures: FormFixture[] = [
  { name: 'bonjour', expect: 'plain', survey: [S, ['text', 'prenom', 'Votre prénom ?']] },
  { name: 'groupes', expect: 'plain', survey: [S, ['begin group', 'foyer', 'Le foyer'], ['integer', 'adultes', 'Adultes'], ['begin group', 'enfants', 'Les enfants'],
    ['integer', 'moins_6', 'Moins de 6 ans'], ['end group', 'enfants', ''], ['end group', 'foyer', '']] },
  { name: 'groupe_field_list', expect: 'plain', survey: [[...S, 'appearance'], ['begin_group', 'page1', 'Page unique', 'field-list'], ['text', 'a', 'A', ''], ['decimal', 'b', 'B', ''], ['end_group', '', '', '']] },
  { name: 'groupe_tirets', expect: 'plain', survey: [S, ['begin-group', 'g', 'Groupe'], ['note', 'n', 'Une note'], ['text', 't', 'Texte'], ['end-group', 'g', '']] },
  { name: 'repetition', expect: 'unsupported', survey: [S, ['integer', 'membres', 'Nombre de membres'], ['begin repeat', 'membre', 'Membre'], ['text', 'prenom', 'Prénom'],
    ['end repeat', 'membre', ''], ['text', 'remarque', 'Remarque']] },
  { name: 'repetitions_imbriquees', expect: 'unsupported', survey: [S, ['begin repeat', 'visite', 'Visite'], ['date', 'jour', 'Jour'], ['begin repeat', 'atelier', 'Atelier'],
    ['text', 'theme', 'Thème'], ['end repeat', '', ''], ['end repeat', '', ''], ['integer', 'total', 'Total']] },
  { name: 'choix_unique', expect: 'plain', survey: [S, ['select_one couleur', 'couleur', 'Couleur préférée']], choices: [C, ['couleur', 'rouge', 'Rouge'], ['couleur', 'bleu', 'Bleu']] },
  { name: 'choix_multiples', expect: 'plain', survey: [[...S, 'relevant'], ['select_multiple activites', 'activites', 'Activités suivies', ''],
    ['integer', 'heures_sport', 'Heures de sport', "selected(${activites}, 'sport')"]], choices: [C, ['activites', 'sport', 'Sport'], ['activites', 'musique', 'Musique']] },
  { name: 'autre_precisez', expect: 'plain', survey: [S, ['select_one lieu or_other', 'lieu', 'Lieu']], choices: [C, ['lieu', 'centre', 'Au centre'], ['lieu', 'ecole', 'À l’école']] },
  { name: 'contraintes', expect: 'plain', survey: [[...S, 'constraint', 'constraint_message'], ['integer', 'age', 'Âge', '. >= 0 and . <= 120', 'Entre 0 et 120 ans'],
    ['integer', 'annee', 'Année de naissance', '. > 1900', 'Après 1900'], ['text', 'cp', 'Code postal', "regex(., '^[0-9]{5}$')", 'Cinq chiffres']] },
  { name: 'conditions', expect: 'plain', survey: [[...S, 'relevant'], ['select_one oui_non', 'benevole', 'Êtes-vous bénévole ?', ''],
    ['integer', 'heures', 'Heures de bénévolat', "${benevole} = 'oui'"], ['text', 'pourquoi', 'Pourquoi pas ?', "${benevole} != 'oui' and ${benevole} != ''"]], choices: yesNo },
  { name: 'calculs', expect: 'plain', survey: [[...S, 'calculation'], ['integer', 'a', 'A', ''], ['integer', 'b', 'B', ''], ['calculate', 'somme', '', '${a} + ${b}'],
    ['note', 'affiche', 'Total : ${somme}', '']] },
  { name: 'obligatoire', expect: 'plain', survey: [[...S, 'required', 'required_message'], ['text', 'nom', 'Nom', 'yes', 'Le nom est obligatoire'], ['text', 'tel', 'Téléphone', 'false()', '']] },
  { name: 'filtre_de_choix', expect: 'unsupported', survey: [[...S, 'choice_filter'], ['select_one region', 'region', 'Région', ''], ['select_one dept', 'dept', 'Département', 'region=${region}']],
    choices: [[...C, 'region'], ['region', 'ara', 'Auvergne-Rhône-Alpes', ''], ['region', 'bre', 'Bretagne', ''], ['dept', '69', 'Rhône', 'ara'], ['dept', '35', 'Ille-et-Vilaine', 'bre']] },
  { name: 'cascade_trois_niveaux', expect: 'unsupported', survey: [[...S, 'choice_filter'], ['select_one pays', 'pays', 'Pays', ''], ['select_one ville', 'ville', 'Ville', 'pays=${pays}'],
    ['select_one quartier', 'quartier', 'Quartier', 'ville=${ville}']], choices: [[...C, 'pays', 'ville'], ['pays', 'fr', 'France', '', ''], ['ville', 'lyon', 'Lyon', 'fr', ''], ['quartier', 'croix', 'Croix-Rousse', '', 'lyon']] },
  { name: 'notes', expect: 'plain', survey: [S, ['note', 'bienvenue', 'Bienvenue dans l’enquête'], ['text', 'avis', 'Votre avis'], ['note', 'merci', 'Merci ${avis}']] },
  { name: 'metadonnees', expect: 'plain', survey: [S, ['start', 'debut', ''], ['end', 'fin', ''], ['today', 'jour', ''], ['deviceid', 'appareil', ''], ['username', 'utilisateur', ''],
    ['phonenumber', 'tel', ''], ['audit', 'audit', ''], ['text', 'q', 'Une question']] },
  { name: 'multilingue', expect: 'plain', survey: [['type', 'name', 'label::English (en)', 'label::Français (fr)', 'hint::Français (fr)'], ['integer', 'n', 'How many?', 'Combien ?', 'Un nombre']],
    settings: [['form_title', 'default_language'], ['Enquête', 'Français (fr)']] },
  { name: 'entetes_majuscules', expect: 'plain', survey: [['Type', 'Name', 'Label', 'Relevant', 'Required'], ['Integer', 'x', 'X', '', 'YES'], ['Text', 'y', 'Y', '${x} > 2', '']],
    choices: [['List_Name', 'Name', 'Label']], settings: [['Form_Title', 'Form_ID'], ['Majuscules', 'maj']] },
  { name: 'heure_et_date_heure', expect: 'plain', survey: [S, ['time', 'heure', 'Heure d’ouverture'], ['datetime', 'rdv', 'Rendez-vous'], ['date', 'jour', 'Jour']] },
  { name: 'date_aujourdhui', expect: 'plain', survey: [[...S, 'constraint'], ['date', 'naissance', 'Date de naissance', '. <= today()']] },
  { name: 'medias_colonnes', expect: 'unsupported', survey: [[...S, 'media::image', 'image'], ['note', 'logo', 'Logo', 'logo.png', ''], ['text', 'q', 'Question', '', 'aide.png']] },
  { name: 'defaut_lecture_seule', expect: 'unsupported', survey: [[...S, 'default', 'read_only'], ['integer', 'n', 'N', '3', ''], ['text', 'fixe', 'Fixe', 'abc', 'yes']] },
  { name: 'apparence_minimale', expect: 'plain', survey: [[...S, 'appearance'], ['select_one l', 'q', 'Liste', 'minimal'], ['text', 'long', 'Long texte', 'multiline']], choices: [C, ['l', 'a', 'A'], ['l', 'b', 'B']] },
  { name: 'geographie', expect: 'unsupported', survey: [S, ['geopoint', 'point', 'Où ?'], ['geotrace', 'trace', 'Trajet'], ['geoshape', 'zone', 'Zone'], ['text', 'lieu', 'Lieu']] },
  { name: 'fichiers', expect: 'unsupported', survey: [S, ['image', 'photo', 'Photo'], ['audio', 'son', 'Son'], ['video', 'film', 'Vidéo'], ['file', 'doc', 'Document'], ['integer', 'n', 'N']] },
  { name: 'code_barres', expect: 'unsupported', survey: [S, ['barcode', 'code', 'Code'], ['text', 't', 'T']] },
  { name: 'curseur', expect: 'unsupported', survey: [[...S, 'parameters'], ['range', 'note', 'Note', 'start=0 end=10 step=1'], ['text', 't', 'T', '']] },
  { name: 'classement', expect: 'unsupported', survey: [S, ['rank', 'priorites', 'Priorités'], ['text', 't', 'T']], choices: [C, ['priorites', 'a', 'A']] },
  { name: 'declencheur', expect: 'unsupported', survey: [S, ['trigger', 'ok', 'J’ai compris'], ['acknowledge', 'lu', 'Lu'], ['text', 't', 'T']] },
  { name: 'liste_depuis_fichier', expect: 'unsupported', survey: [S, ['select_one_from_file communes.csv', 'commune', 'Commune'], ['select_multiple_from_file ecoles.xml', 'ecoles', 'Écoles'], ['text', 't', 'T']] },
  { name: 'liste_externe', expect: 'unsupported', survey: [S, ['select_one_external quartier', 'quartier', 'Quartier'], ['text', 't', 'T']] },
  { name: 'boucle', expect: 'unsupported', survey: [S, ['begin loop over animaux', 'boucle', 'Animaux'], ['integer', 'nombre', 'Combien de %(label)s ?'], ['end loop', '', ''], ['text', 'fin_q', 'Dernière question']],
    choices: [C, ['animaux', 'chat', 'Chats'], ['animaux', 'chien', 'Chiens']] },
  { name: 'pulldata', expect: 'unsupported', survey: [[...S, 'calculation'], ['text', 'id', 'Identifiant', ''], ['calculate', 'nom', '', "pulldata('structures', 'nom', 'id', ${id})"], ['text', 't', 'T', '']] },
  { name: 'once_et_defaut', expect: 'unsupported', survey: [[...S, 'calculation'], ['calculate', 'uuid', '', 'once(uuid())'], ['integer', 'n', 'N', '']] },
  { name: 'nom_instance', expect: 'plain', survey: [S, ['text', 'nom', 'Nom']], settings: [['form_title', 'form_id', 'version', 'instance_name'], ['Inscription', 'inscription', '2025051201', 'concat(${nom}, "-", today())']] },
  { name: 'entier_decimal_bornes', expect: 'plain', survey: [[...S, 'constraint'], ['integer', 'places', 'Places', '. >= 0 and . <= 500'], ['decimal', 'budget', 'Budget', '. >= 0']] },
  { name: 'caches', expect: 'unsupported', survey: [S, ['hidden', 'h', ''], ['xml-external', 'ext', ''], ['csv-external', 'ext2', ''], ['text', 't', 'T']] },
  { name: 'nom_de_choix', expect: 'unsupported', survey: [S, ['select_one c', 'c', 'C'], ['note', 'n', "Vous avez choisi jr:choice-name(${c}, '${c}')"], ['integer', 'x', 'X']], choices: [C, ['c', 'a', 'A']] },
  { name: 'compte_choix', expect: 'unsupported', survey: [[...S, 'constraint'], ['select_multiple l', 'm', 'M', 'count-selected(.) <= 2'], ['text', 't', 'T', '']], choices: [C, ['l', 'a', 'A'], ['l', 'b', 'B'], ['l', 'c', 'C']] },
  { name: 'repetition_indexee', expect: 'unsupported', survey: [[...S, 'calculation'], ['begin repeat', 'r', 'R', ''], ['integer', 'v', 'V', ''], ['end repeat', '', '', ''], ['calculate', 'premier', '', 'indexed-repeat(${v}, ${r}, 1)'], ['text', 't', 'T', '']] },
  { name: 'demande_conditionnelle', expect: 'plain', survey: [[...S, 'required'], ['select_one oui_non', 'salarie', 'Salarié ?', ''], ['integer', 'heures', 'Heures', "${salarie} = 'oui'"]], choices: yesNo },
  { name: 'sans_question', expect: 'unsupported', survey: [S, ['geopoint', 'p', 'P'], ['start', 's', '']] },
  { name: 'types_inconnus', expect: 'unsupported', survey: [S, ['entier', 'n', 'N'], ['select_one absente', 'c', 'C'], ['text', '', 'Sans nom'], ['text', 'ok', 'Ok']] },
  // Broken files.
  { name: 'vide_0_octet', expect: 'broken', bytes: new Uint8Array(), fileName: 'vide.xlsx' },
  { name: 'pas_un_zip', expect: 'broken', bytes: new TextEncoder().encode('type;name;label\ntext;a;A\n'), fileName: 'formulaire.xlsx' },
  { name: 'signature_xls', expect: 'broken', bytes: new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array(504).fill(0)]), fileName: 'formulaire.xls' },
  { name: 'extension_xls_texte', expect: 'broken', bytes: new TextEncoder().encode('<html>export</html>'), fileName: 'ancien.xls' },
  { name: 'zip_sans_classeur', expect: 'broken', bytes: new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...new Array(60).fill(7)]), fileName: 'faux.xlsx' },
  { name: 'sans_feuille_survey', expect: 'broken', sheets: { questions: [S, ['text', 'a', 'A']] }, choices: [C] },
  { name: 'survey_sans_colonne_type', expect: 'broken', survey: [['name', 'label'], ['a', 'A']] },
];

/**
 * The bytes of a fixture: its raw bytes, or an .xlsx workbook written with exceljs.
 * @example const bytes = await fixtureBytes(formFixtures[0]);
 */
export async function fixtureBytes(fixture: FormFixture): Promise<Uint8Array> {
  if (fixture.bytes) return fixture.bytes;
  const workbook = new ExcelJS.Workbook();
  const sheets: Record<string, Grid | undefined> = { survey: fixture.survey, choices: fixture.choices, settings: fixture.settings, ...fixture.sheets };
  for (const [name, grid] of Object.entries(sheets)) {
    if (!grid) continue;
    const sheet = workbook.addWorksheet(name);
    for (const row of grid) sheet.addRow(row);
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
