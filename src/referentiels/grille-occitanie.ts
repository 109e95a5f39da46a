// Région académique Occitanie, grille de maturité numérique des établissements: 19 criteria in 5 areas, levels 1 to 3.
// Source: the Région Occitanie maturity grid (PDF), transcribed as docs/referentiels.md describes.
// Ids are stored in users' files for years: never rename or reuse one.
import type { Referentiel } from './kinds';

export const grilleOccitanie = {
  id: 'occitanie-grille',
  title: 'Grille de maturité numérique des établissements',
  shortTitle: 'Grille de maturité Occitanie',
  publisher: 'Région académique Occitanie',
  notes: [
    "L'extraction du PDF ne contient pas le titre du document : elle commence par le premier domaine. Le titre « Grille de maturité numérique des établissements » décrit le document (une grille de maturité numérique) ; ce n'est pas un titre recopié de la source.",
    'La grille compte 19 critères répartis en 5 domaines (5, 5, 2, 2 et 5 critères), chacun décrit aux niveaux 1, 2 et 3. Le niveau 0, « non atteint », est celui d\'un critère dont le niveau 1 n\'est pas atteint ; il n\'a pas de description dans la source.',
    "Chaque domaine forme une seule section, du même titre que le domaine.",
    "Le texte vient d'une extraction du PDF : les lignes coupées en deux sont recollées et, quand la description d'un niveau compte deux paragraphes, ils sont réunis et séparés par une espace.",
    "Les apostrophes typographiques (’) de la source sont écrites comme des apostrophes droites ('), la source mêlant les deux.",
    "En « Communication pédagogique » (niveau 1), l'espace manquante de « cahier de textes,etc. » est rétablie : « cahier de textes, etc. ».",
    "En « Formation au numérique » (niveau 1), « DANE/EAFC/ CANOPE », coupé en fin de ligne après la barre oblique, est écrit « DANE/EAFC/CANOPE ».",
    "En « Inclusion » (niveau 2), « télé-présence », coupé en fin de ligne après le trait d'union, est gardé avec son trait d'union ; en « Vidéoprojection » (niveau 1), « vidéo projection », coupé en fin de ligne, est gardé en deux mots.",
    "Les descriptions sans point final dans la source (« Personnels clé » niveau 1, « Communication générale » niveau 1) sont gardées telles quelles, de même que les graphies « Education aux médias et à l'information », « responsables/ coordonnateurs » et « PIX + edu ».",
  ],
  parts: [
    {
      id: 'occitanie.1',
      code: '1',
      title: 'Pilotage, impulsion et organisation',
      sections: [
        {
          id: 'occitanie.s1',
          code: '1',
          title: 'Pilotage, impulsion et organisation',
          items: [
            {
              id: 'occitanie.1.1',
              kind: 'level',
              text: 'Instance numérique',
              levels: [
                "Intégration du numérique au projet d'établissement (volet numérique ou élément transversal).",
                'Animation d\'une "commission pour le numérique" dans l\'établissement (chargée de faire le point sur les usages, les projets et les indicateurs).',
                "Commission numérique élargie intégrant élèves et parents. Implication de l'ensemble de la communauté éducative dans la construction du projet numérique de l'établissement.",
              ],
            },
            {
              id: 'occitanie.1.2',
              kind: 'level',
              text: "Charte d'usage",
              levels: [
                "Connaissance du modèle de la charte d'usages du numérique référençant notamment les outils utilisés dans l'établissement.",
                "Rédaction d'une charte personnalisée par l'établissement, en collaboration avec les équipes et / ou les élèves.",
                "Application de la charte généralisée à l'ensemble de la communauté éducative.",
              ],
            },
            {
              id: 'occitanie.1.3',
              kind: 'level',
              text: 'Personnels clé',
              levels: [
                "Identification d'un enseignant référent pour les usages pédagogiques numériques (RUPN), intégré dans le réseau académique",
                "Concertation entre le chef d'établissement et le / les RUPN autour de la lettre de mission pour le RUPN.",
                "Mise en place d'une équipe de personnes identifiées de tous, responsables/ coordonnateurs des dossiers suivants : Pix, affectation des ressources du Médiacentre, administration de l'ENT, administration du système d'information.",
              ],
            },
            {
              id: 'occitanie.1.4',
              kind: 'level',
              text: 'ENT',
              levels: [
                "Existence d'un ENT, ou de services équivalents/associés, visant à organiser la vie scolaire.",
                'Identification unique au bouquet de services mis à disposition de la communauté éducative : vie scolaire, ressources, ENT, etc.',
                "Mise en œuvre d'une stratégie globale d'intégration de l'ENT afin d'harmoniser son utilisation et accompagnement des familles et des élèves pour un usage adapté des services.",
              ],
            },
            {
              id: 'occitanie.1.5',
              kind: 'level',
              text: 'Communication générale',
              levels: [
                "Diffusion d'information actualisée au grand public (site web)",
                'Usage réfléchi autour des outils de communication mis à disposition : messagerie ENT, Pronote, messagerie académique, etc.',
                'Intégration des élèves et des parents aux dispositifs de communication et de partage de ressources.',
              ],
            },
          ],
        },
      ],
    },
    {
      id: 'occitanie.2',
      code: '2',
      title: 'Pratiques éducatives et pédagogiques',
      sections: [
        {
          id: 'occitanie.s2',
          code: '2',
          title: 'Pratiques éducatives et pédagogiques',
          items: [
            {
              id: 'occitanie.2.1',
              kind: 'level',
              text: 'Communication pédagogique',
              levels: [
                "Mise à disposition d'outils numériques de communication avec les élèves, notamment avec l'ENT : messagerie, cahier de textes, etc.",
                "Généralisation au sein de l'établissement de pratiques réfléchies pour échanger, communiquer : cahier de texte, ENT, etc.",
                "Usage quotidien du numérique par une majorité d'enseignants et d'élèves pour échanger, communiquer.",
              ],
            },
            {
              id: 'occitanie.2.2',
              kind: 'level',
              text: 'Compétences numériques élèves',
              levels: [
                "Connaissance du Cadre de Référence pour les Compétences Numériques (CRCN) et des items du socle associés. Présentation de la plateforme en ligne d'évaluation et de certification des compétences numériques PIX aux équipes éducatives.",
                "Déploiement généralisé d'actions en lien avec le CRCN par les enseignants dans les pratiques de classe. Mise en place dans l'établissement du dispositif Pix et d'une stratégie d'accompagnement des élèves.",
                "Positionnement de l'élève tout au long de sa scolarité. Implication d'une majorité d'enseignants dans le suivi du parcours des élèves (Pix Orga).",
              ],
            },
            {
              id: 'occitanie.2.3',
              kind: 'level',
              text: 'Inclusion',
              levels: [
                'Mise à disposition de solutions numériques au service des élèves en situation de handicap ou en grande difficulté scolaire, en décrochage : outils, applications, etc.',
                "Connaissance de la procédure d'implantation des robots de télé-présence.",
                'Usage régulier, par les élèves concernés et les accompagnants, des solutions numériques mises à disposition : synthèse vocale, IA, etc.',
              ],
            },
            {
              id: 'occitanie.2.4',
              kind: 'level',
              text: 'Accompagnement personnalisé',
              levels: [
                "Présentation des dispositifs d'accompagnement académiques à la communauté éducative : forums SOS, Jules, etc.",
                'Mise en place des dispositifs auprès des élèves : Jules, Moodle, etc.',
                "Dispositif d'accompagnement à distance : e-devoirs faits, etc.",
              ],
            },
            {
              id: 'occitanie.2.5',
              kind: 'level',
              text: "Education aux médias et à l'information",
              levels: [
                "Présentation du CLEMI et des ressources autour de l'Éducation aux Médias et à l'Information (EMI).",
                "Projets pédagogiques autour de l'éducation citoyenne et responsable aux médias numériques, impliquant notamment le professeur documentaliste : semaine de la presse, studio média EDD, etc.",
                'Projet de transformation du CDI en Centre de Connaissances et de Culture, construit en partenariat avec la collectivité territoriale et visant à mettre les espaces et les temps au service des élèves, à diversifier et à personnaliser ressources et services.',
              ],
            },
          ],
        },
      ],
    },
    {
      id: 'occitanie.3',
      code: '3',
      title: 'Formation',
      sections: [
        {
          id: 'occitanie.s3',
          code: '3',
          title: 'Formation',
          items: [
            {
              id: 'occitanie.3.1',
              kind: 'level',
              text: 'Formation au numérique',
              levels: [
                "Présentation des dispositifs de formation DANE/EAFC/CANOPE : webinaires, Plan Académique de Formation (PAF), Formation d'Initiatives Locales (FIL), etc.",
                "Mise en œuvre d'un plan de formation local transdisciplinaire élaboré avec le référent numérique et visant l'acquisition d'une culture numérique.",
                "Mise en œuvre dans l'établissement d'un plan de formation incluant l'offre académique et s'appuyant sur un réseau de professeurs relais favorisant le travail entre pairs et la mutualisation des pratiques.",
              ],
            },
            {
              id: 'occitanie.3.2',
              kind: 'level',
              text: 'Compétences numériques des personnels',
              levels: [
                "Création de compte personnel sur la plateforme PIX par la majorité des enseignants et des personnels d'éducation.",
                "Certification PIX d'une majorité des enseignants et des personnels d'éducation.",
                "Certification PIX + edu d'une majorité des enseignants et des personnels d'éducation (prochainement).",
              ],
            },
          ],
        },
      ],
    },
    {
      id: 'occitanie.4',
      code: '4',
      title: 'Ressources',
      sections: [
        {
          id: 'occitanie.s4',
          code: '4',
          title: 'Ressources',
          items: [
            {
              id: 'occitanie.4.1',
              kind: 'level',
              text: 'Utilisation du numérique en dehors de la classe',
              levels: [
                'Présentation des ressources numériques par le professeur documentaliste notamment.',
                "Facilité d'accès aux ressources numériques et aux espaces du CDI : possibilité d'utiliser des tablettes, des ordinateurs, etc.",
                "Accès généralisé aux ressources numériques et aux espaces en étude, en permanence, en libre service : possibilité d'utiliser des tablettes, des ordinateurs, etc.",
              ],
            },
            {
              id: 'occitanie.4.2',
              kind: 'level',
              text: 'GAR',
              levels: [
                "Mise en place du GAR avec des responsables d'affectation de ressources.",
                "Valorisation des portails nationaux et académiques de ressources numériques dans le Médiacentre et dans l'ENT.",
                "Mise en place d'une politique documentaire d'établissement en collaboration avec le professeur documentaliste et les responsables d'affectation de ressources. Actions de veille documentaire mutualisée dans chaque pôle disciplinaire.",
              ],
            },
          ],
        },
      ],
    },
    {
      id: 'occitanie.5',
      code: '5',
      title: 'Infrastructure réseau équipement',
      sections: [
        {
          id: 'occitanie.s5',
          code: '5',
          title: 'Infrastructure réseau équipement',
          items: [
            {
              id: 'occitanie.5.1',
              kind: 'level',
              text: 'Accès',
              levels: [
                "Accès au réseau de l'établissement par un mot de passe individuel.",
                "Projet planifié d'accès à un débit Internet adapté aux usages et adossé à une analyse des trafics Internet et flux réseau.",
                'Accès à un débit Internet adapté aux usages et adossé à une analyse des trafics Internet et flux réseau.',
              ],
            },
            {
              id: 'occitanie.5.2',
              kind: 'level',
              text: 'Câblage',
              levels: [
                "Câblage réseau d'au moins une prise par salle de classe.",
                'Câblage réseau avec plusieurs prises dans quelques salles de classe.',
                "Câblage réseau avec plusieurs prises dans l'ensemble des salles de classe.",
              ],
            },
            {
              id: 'occitanie.5.3',
              kind: 'level',
              text: 'Wifi',
              levels: [
                "Existence d'au moins un point d'accès sans fil dans l'établissement.",
                "Généralisation d'un accès sans fil sécurisé dans l'établissement.",
                "Généralisation d'un accès sans fil sécurisé dans l'ensemble de l'établissement avec un portail captif permettant le BYOD.",
              ],
            },
            {
              id: 'occitanie.5.4',
              kind: 'level',
              text: 'Vidéoprojection',
              levels: [
                "Généralisation de l'équipement des salles en matériel de vidéo projection.",
                "Possibilité dans certaines salles d'afficher l'écran d'appareils mobiles : tablettes, ordinateurs portables.",
                "Existence de plusieurs zones de projection / de partage d'écran dans certaines classes : tablettes, ordinateurs portables.",
              ],
            },
            {
              id: 'occitanie.5.5',
              kind: 'level',
              text: 'Continuité pédagogique',
              levels: [
                "Mise à disposition d'applications numériques permettant d'assurer la continuité pédagogique.",
                "Mise en place d'une stratégie d'établissement pour l'enseignement à distance : harmonisation des choix d'outils numériques.",
                'Infrastructure pleinement adaptée aux besoins avancés du numérique éducatif.',
              ],
            },
          ],
        },
      ],
    },
  ],
} satisfies Referentiel;
