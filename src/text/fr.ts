// The French strings of the interface. The référentiels keep their own official wording.
export const fr = {
  appName: 'Diagnum',
  tagline: 'Autodiagnostic numérique de l’établissement',
  storage: {
    saved: 'Enregistré',
    saving: 'Enregistrement…',
    outdated:
      'Une version plus récente de Diagnum a été ouverte dans un autre onglet. Rechargez cette page pour continuer : ce qui était déjà enregistré est conservé.',
    blocked:
      'Diagnum ne peut pas mettre à jour ses données tant qu’un autre onglet Diagnum reste ouvert. Fermez les autres onglets Diagnum : cette page continuera d’elle-même (sinon, rechargez-la).',
    quota:
      'L’espace de stockage du navigateur est plein : rien n’a été enregistré. Libérez de la place (ou exportez puis supprimez d’anciennes campagnes) et réessayez.',
    newer:
      'Ces données ont été enregistrées par une version plus récente de Diagnum : elles sont ouvertes en lecture seule. Mettez à jour l’application (rechargez la page) pour pouvoir les modifier ; rien n’est modifié en attendant.',
    lost:
      'Les données de Diagnum ont été effacées de ce navigateur pendant que cette page était ouverte (données du site effacées, ou base supprimée depuis un autre onglet). Ce qui est affiché n’est plus enregistré nulle part, et plus rien ne sera enregistré dans cette page. Rechargez-la, puis importez votre dernière sauvegarde.',
    unavailable:
      'Le navigateur refuse d’ouvrir les données de Diagnum : rien ne peut être lu ni enregistré pour le moment.',
    /** Under a field whose write was refused: short, the banner at the top says the rest. */
    notSaved: {
      outdated: 'Non enregistré : une version plus récente de Diagnum est ouverte dans un autre onglet. Rechargez la page (bandeau en haut).',
      newer: 'Non enregistré : ces données sont en lecture seule (voir le bandeau en haut de la page).',
      unavailable: 'Non enregistré : le navigateur refuse d’ouvrir les données de Diagnum.',
      lost: 'Non enregistré : les données de ce navigateur ont été effacées (voir le bandeau en haut de la page).',
      blocked: 'Non enregistré : fermez les autres onglets Diagnum (voir le bandeau en haut de la page).',
    },
    recoveryTitle: 'Vos données ne peuvent pas être lues dans ce navigateur',
    recoveryAdvice: [
      'Fermez les autres onglets et fenêtres Diagnum, puis rechargez cette page.',
      'Si cela ne suffit pas, redémarrez le navigateur (fermez toutes ses fenêtres), puis rouvrez Diagnum.',
      'Vérifiez qu’il reste de la place sur le disque de l’ordinateur.',
      'En navigation privée, certains navigateurs n’enregistrent rien : ouvrez Diagnum dans une fenêtre normale.',
    ],
    recoveryImport: 'Si rien n’y fait, vous pouvez repartir de votre dernière sauvegarde :',
    recoveryImportLink: 'importer une sauvegarde',
    recoveryClear:
      'Si le navigateur refuse toujours de les ouvrir, effacez ces données illisibles : Diagnum repartira d’une base vide, où vous importerez votre dernière sauvegarde.',
    recoveryClearConfirm:
      'Les données de Diagnum de ce navigateur, illisibles, seront effacées. Ne le faites que si vous avez une sauvegarde à importer, ou si vous acceptez de repartir de zéro.',
    recoveryClearFailed: 'Le navigateur refuse aussi d’effacer ces données : redémarrez-le, puis réessayez.',
    reloadNeeded:
      'Une partie de Diagnum n’a pas pu être chargée (l’application vient sans doute d’être mise à jour). Rechargez la page : ce qui est enregistré est conservé.',
    failed: 'L’enregistrement a échoué : rien n’a été modifié. Réessayez ; si le problème continue, rechargez la page.',
    unreadable: 'Certaines données enregistrées ne sont pas lisibles par cette version de Diagnum.',
    notFound: 'Cette campagne n’existe plus.',
    closed: 'Cette campagne est clôturée : rouvrez-la pour la modifier.',
  },
  documents: {
    'dgesco-2010': 'Référentiel DGESCO 2010',
    'occitanie-grille': 'Grille de maturité Occitanie',
    'label-lycee-2023': 'Label Lycée numérique',
  },
  campaignStatus: { open: 'En cours', closed: 'Clôturée' },
  kinds: {
    'reference-figure': 'Élément de référence (nombre)',
    date: 'Date',
    'yes-no': 'Oui / non',
    'usage-counts': 'Nombre de réponses jamais / occasionnellement / régulièrement',
    count: 'Nombre',
    percentage: 'Pourcentage',
    'free-text': 'Texte libre',
    checklist: 'Liste de services',
    'service-matrix': 'Tableau par service',
    level: 'Niveau 0 à 3',
    'label-band': 'Choix parmi les réponses du label',
  },
  /** "le nombre d’enseignants": the figure with its French partitive. */
  figuresOf: {
    students: 'd’élèves',
    divisions: 'de divisions',
    teachers: 'd’enseignants',
    rooms: 'de salles d’enseignement',
    families: 'de familles',
  },
  figures: {
    students: 'élèves',
    divisions: 'divisions',
    teachers: 'enseignants',
    rooms: 'salles d’enseignement',
    families: 'familles',
  },
} as const;

/** What a mandatory criterion's answer is enough for, e.g. "suffit pour les niveaux 1 et 2". */
export function bandLevelText(level: 0 | 1 | 2 | 3): string {
  return ['ne suffit pour aucun niveau', 'suffit pour le niveau 1', 'suffit pour les niveaux 1 et 2', 'suffit pour les niveaux 1, 2 et 3'][level]!;
}

export function bandPointsText(points: number): string {
  return points === 0 ? '0 point' : `${points} point${points > 1 ? 's' : ''}`;
}
