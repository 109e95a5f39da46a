// DGESCO, "Référentiel collège ou lycée numérique", novembre 2010: section 3, the questionnaire.
// Source: the DGESCO PDF, transcribed as docs/referentiels.md describes (wording kept as published).
// Ids are stored in users' files for years: never rename or reuse one.
import type { Referentiel } from './kinds';

export const dgesco2010 = {
  id: 'dgesco-2010',
  title: 'Référentiel collège ou lycée numérique',
  shortTitle: 'Référentiel DGESCO 2010',
  publisher:
    "DGESCO, ministère de l'éducation nationale, de la jeunesse et de la vie associative, novembre 2010",
  notes: [
    "Seule la partie 3 (Questionnaire) de la source est encodée ici : l'introduction (1), le mode d'emploi (2) et l'annexe (4) ne contiennent pas de questions.",
    "Le texte vient d'une extraction du PDF : les mises en forme (italique, gras, puces) sont retirées et les lignes coupées en deux sont recollées.",
    "Les points de suspension (« ... », « ..... ») et les deux-points qui marquaient l'espace de réponse sont retirés des libellés, ainsi que le « % » qui suit les proportions de 3.6.3.",
    "Les deux-points sont conservés quand ils annoncent une liste de choix : « Pour chacun des services disponibles : » (3.3.4) et « Services numériques accessibles aux familles : » (3.6.4).",
    "Le point final des titres « Eléments de référence. », « Obligations réglementaire. », « Accompagnement pédagogique. » et des titres de 3.6.1 et 3.6.4 est retiré.",
    "Les capitales initiales sont accentuées : « Éléments de référence » et « Évaluation des pratiques numériques » (la source écrit « Eléments » et « Evaluation »).",
    "Le titre de 3.2 « Obligations réglementaire » est corrigé en « Obligations réglementaires ».",
    "En 3.2, « Circulaire n'2004-035 DU 18-2-2004 » est rétabli en « Circulaire n° 2004-035 du 18-2-2004 », l'extraction ayant remplacé le signe « n° » par une apostrophe.",
    "En 3.2, le paragraphe d'introduction et la liste des textes de loi sont repris comme introduction de la section ; seules les quatre affirmations précédées d'une puce sont des questions (oui ou non).",
    "En 3.2, la première affirmation (loi relative à l'informatique, aux fichiers et aux libertés) ne figure sous aucun intertitre ; les trois suivantes sont rangées sous l'intertitre « Usage de l'internet dans le cadre pédagogique et protection des mineurs ».",
    "En 3.3.4, la liste de la source enchaîne dix services puis trois affirmations : Diagnum en fait une grille où chaque affirmation reçoit oui ou non pour chacun des services.",
    "En 3.3.4, l'espace superflu de « (site web, blog ) » est retiré.",
    "En 3.6, les mots « Indicateur », « Indicateurs » et « Éléments d'analyse » sont des en-têtes de colonne du tableau du PDF, non des questions : ils ne donnent lieu à aucun item.",
    "En 3.6, les indicateurs synthétiques (nombres d'enseignants, de divisions ou de familles répartis en « Jamais », « Occasionnellement », « Régulièrement ») sont des items principaux ; les autres indicateurs, appelés « éléments d'analyse » par la source, en donnent le contexte.",
    "Les questions commençant par « Si oui, » ne sont posées que si l'affirmation qui les précède a reçu la réponse oui.",
    "En 3.6.2, la virgule fautive de « où les élèves utilisent, des outils » est retirée.",
    "En 3.6.4, le mot tronqué « mès » de l'introduction est lu « messageries », seule lecture cohérente avec l'énumération des outils d'échange qui l'entoure.",
    "En 3.6.4, « blogs..) » est rétabli en « blogs...) ».",
    "En 3.6.4, l'imbrication des puces de l'extraction est incohérente : Diagnum suit l'ordre du texte (cinq affirmations, la liste des services accessibles aux familles, puis deux affirmations).",
    "En 3.6.4, les services « Carnet de note » et « Cahier de texte » sont écrits « Carnet de notes » et « Cahier de textes », comme le « cahier de textes » de 3.6.3.",
    "Les fautes d'accord de la source sont conservées telles quelles (« Modifié par Loi » en 3.2, « les présentent » en 3.6.1, « fournis » en 3.6.3).",
  ],
  parts: [
    {
      id: 'dgesco2010.3.1',
      code: '3.1',
      title: 'Éléments de référence',
      sections: [
        {
          id: 'dgesco2010.s3.1',
          code: '3.1',
          title: 'Éléments de référence',
          items: [
            {
              id: 'dgesco2010.3.1.students',
              kind: 'reference-figure',
              figure: 'students',
              text: "Nombre d'élèves",
            },
            {
              id: 'dgesco2010.3.1.divisions',
              kind: 'reference-figure',
              figure: 'divisions',
              text: 'Nombre de divisions',
            },
            {
              id: 'dgesco2010.3.1.teachers',
              kind: 'reference-figure',
              figure: 'teachers',
              text: "Nombre d'enseignants",
            },
            {
              id: 'dgesco2010.3.1.rooms',
              kind: 'reference-figure',
              figure: 'rooms',
              text: "Nombre de salles d'enseignement utilisées",
            },
            {
              id: 'dgesco2010.3.1.families',
              kind: 'reference-figure',
              figure: 'families',
              text: 'Nombre de familles',
            },
            { id: 'dgesco2010.3.1.date', kind: 'date', text: 'Date' },
          ],
        },
      ],
    },
    {
      id: 'dgesco2010.3.2',
      code: '3.2',
      title: 'Obligations réglementaires',
      sections: [
        {
          id: 'dgesco2010.s3.2',
          code: '3.2',
          title: 'Obligations réglementaires',
          intro: [
            "La liste non exhaustive des items évoqués ci-après permet d'attirer l'attention de l'équipe de direction sur les droits et obligations en matière de numérique dans un établissement scolaire.",
            'Protection des élèves et notamment des mineurs, Protection des mineurs contre les contenus sectaires, violents ou pornographiques (Article 227-24 du Code pénal)',
            "Protection des données nominatives, loi n° 78-17 du 6 janvier 1978, modifiée par la loi n° 2004-801 du 6 août 2004, relative à l'informatique, aux fichiers et aux libertés",
            "Protection des droits de propriété intellectuelle et notamment l'utilisation de logiciels sans autorisation, Code de la propriété intellectuelle",
            "Confiance dans l'économie numérique et notamment la mise à disposition de contenus (hébergement) Loi 2004-575 du 21 juin 2004",
            "Protection du Système d'Information, articles 323-1 à 323-3-1 du Code pénal",
            'Secret des correspondances, article 226-15 du Code pénal',
            'Responsabilité en matière de transmission des informations, articles 227-23 et 227-24 du Code pénal',
          ],
          items: [
            {
              id: 'dgesco2010.3.2.1',
              kind: 'yes-no',
              text: "L'établissement respecte la loi relative à l'informatique, aux fichiers et aux libertés. Loi n° 78-17 du 6 janvier 1978 Modifié par Loi n°2004-801 du 6 août 2004.",
            },
            {
              id: 'dgesco2010.3.2.2',
              kind: 'yes-no',
              group:
                "Usage de l'internet dans le cadre pédagogique et protection des mineurs. Circulaire n° 2004-035 du 18-2-2004",
              text: "L'établissement dispose d'un dispositif de filtrage de l'accès à Internet",
            },
            {
              id: 'dgesco2010.3.2.3',
              kind: 'yes-no',
              group:
                "Usage de l'internet dans le cadre pédagogique et protection des mineurs. Circulaire n° 2004-035 du 18-2-2004",
              text: "Les conditions d'utilisation des outils et services numériques sont précisées dans une charte annexée au règlement intérieur.",
            },
            {
              id: 'dgesco2010.3.2.4',
              kind: 'yes-no',
              group:
                "Usage de l'internet dans le cadre pédagogique et protection des mineurs. Circulaire n° 2004-035 du 18-2-2004",
              text: "Un dispositif de suivi et d'accompagnement de la mise en œuvre de ces mesures est prévu",
            },
          ],
        },
      ],
    },
    {
      id: 'dgesco2010.3.3',
      code: '3.3',
      title: 'Pilotage et organisation',
      sections: [
        {
          id: 'dgesco2010.s3.3.1',
          code: '3.3.1',
          title: 'Mise en place des structures nécessaires',
          items: [
            {
              id: 'dgesco2010.3.3.1.1',
              kind: 'yes-no',
              text: "Il existe une commission ou un comité de pilotage du projet établissement numérique, ce groupe est actif.",
            },
            {
              id: 'dgesco2010.3.3.1.2',
              kind: 'yes-no',
              text: 'Le référent pour les usages pédagogiques numériques a une lettre de mission. Il est reconnu dans sa tâche.',
            },
            {
              id: 'dgesco2010.3.3.1.3',
              kind: 'yes-no',
              text: "Le numérique est intégré au projet d'établissement.",
            },
          ],
        },
        {
          id: 'dgesco2010.s3.3.2',
          code: '3.3.2',
          title: "Mise en place d'une organisation adaptée",
          items: [
            {
              id: 'dgesco2010.3.3.2.1',
              kind: 'yes-no',
              text: "L'établissement a mis en place une politique de communication numérique.",
            },
            {
              id: 'dgesco2010.3.3.2.2',
              kind: 'yes-no',
              text: "La réservation de matériels et de salles se fait par un service numérique accessible dans et hors de l'établissement.",
            },
            {
              id: 'dgesco2010.3.3.2.3',
              kind: 'yes-no',
              text: "L'établissement a mis en place une ou plusieurs actions pour prendre en compte l'équipement des familles.",
            },
          ],
        },
        {
          id: 'dgesco2010.s3.3.3',
          code: '3.3.3',
          title: 'Évaluation des pratiques numériques',
          items: [
            {
              id: 'dgesco2010.3.3.3.1',
              kind: 'yes-no',
              text: "L'établissement mesure le taux d'utilisation des équipements et des services numériques.",
            },
            {
              id: 'dgesco2010.3.3.3.2',
              kind: 'yes-no',
              text: "L'établissement analyse les statistiques dont il dispose, les communique auprès des utilisateurs des outils et services numériques ; met en place des actions correctives si besoin.",
            },
            {
              id: 'dgesco2010.3.3.3.3',
              kind: 'yes-no',
              text: "Un bilan annuel de l'organisation et des pratiques numériques est réalisé, il prend en compte les retours des utilisateurs.",
            },
          ],
        },
        {
          id: 'dgesco2010.s3.3.4',
          code: '3.3.4',
          title: 'Administration des services et gestion des ressources numériques',
          items: [
            {
              id: 'dgesco2010.3.3.4.matrix',
              kind: 'service-matrix',
              text: 'Pour chacun des services disponibles :',
              interpretation:
                "Pour chaque service disponible dans l'établissement, chacune des trois affirmations reçoit la réponse oui ou non ; un service dont l'établissement ne dispose pas n'est pas évalué.",
              services: [
                { id: 'internet', label: 'Accès à Internet (Filtrage)' },
                { id: 'competences', label: 'Services de suivi des compétences élèves (B2I...)' },
                { id: 'espace-travail', label: 'Espace de travail individuel et collectif.' },
                { id: 'communication-asynchrone', label: 'Communication asynchrone (messagerie, forums, ...)' },
                { id: 'communication-temps-reel', label: 'Communication temps réel' },
                { id: 'publication', label: 'Services de publication (site web, blog)' },
                { id: 'ent', label: 'Espace numérique de travail' },
                {
                  id: 'ressources',
                  label: 'Ressources numériques (manuels numériques, ressources avec authentification...)',
                },
                { id: 'reservation', label: 'Gestion et réservation de ressources' },
                { id: 'notes', label: 'Gestion des notes' },
              ],
              statements: [
                {
                  id: 'regles',
                  label: "Une instance de décision a défini les règles d'administration de ce service.",
                },
                {
                  id: 'administrateur',
                  label:
                    'Un administrateur de ce service est désigné, son rôle est précisé dans une charte ou lettre de mission.',
                },
                {
                  id: 'information',
                  label: "L'ensemble des utilisateurs est informé du protocole d'administration de ce service.",
                },
              ],
            },
          ],
        },
      ],
    },
    {
      id: 'dgesco2010.3.4',
      code: '3.4',
      title: 'Assistance technique',
      sections: [
        {
          id: 'dgesco2010.s3.4.1',
          code: '3.4.1',
          title: 'Maintien en condition opérationnelle du réseau pédagogique et des services numériques',
          items: [
            {
              id: 'dgesco2010.3.4.1.1',
              kind: 'yes-no',
              text: "Il existe un dispositif d'assistance technique au plus près de l'utilisateur.",
            },
            {
              id: 'dgesco2010.3.4.1.2',
              kind: 'yes-no',
              text: "Un contrat, une charte ou une lettre de mission définit les conditions d'intervention et précise les délais.",
            },
            {
              id: 'dgesco2010.3.4.1.3',
              kind: 'yes-no',
              text: "L'ensemble des utilisateurs est informé de la marche à suivre lorsqu'il constate un dysfonctionnement. Il connaît les conditions d'intervention et les délais.",
            },
          ],
        },
        {
          id: 'dgesco2010.s3.4.2',
          code: '3.4.2',
          title: 'Service de maintenance des matériels et des réseaux',
          items: [
            {
              id: 'dgesco2010.3.4.2.1',
              kind: 'yes-no',
              text: "L'établissement bénéficie d'un dispositif de maintenance des matériels et des équipements réseaux.",
            },
            {
              id: 'dgesco2010.3.4.2.2',
              kind: 'yes-no',
              text: "Un contrat définit les conditions de maintenance des matériels et précise les délais d'interventions.",
            },
            {
              id: 'dgesco2010.3.4.2.3',
              kind: 'yes-no',
              text: "L'établissement bénéficie d'un dispositif d'administration des réseaux, serveurs et services numériques",
            },
          ],
        },
      ],
    },
    {
      id: 'dgesco2010.3.5',
      code: '3.5',
      title: 'Accompagnement pédagogique',
      sections: [
        {
          id: 'dgesco2010.s3.5.1',
          code: '3.5.1',
          title: "Service d'aide et de conseil pour le développement des usages du numérique",
          items: [
            {
              id: 'dgesco2010.3.5.1.1',
              kind: 'yes-no',
              text: "Il existe un dispositif d'accompagnement pédagogique au plus près de l'utilisateur",
            },
            {
              id: 'dgesco2010.3.5.1.2',
              kind: 'yes-no',
              text: "Une lettre de mission définit son rôle, les conditions d'intervention et sa rémunération.",
            },
            {
              id: 'dgesco2010.3.5.1.3',
              kind: 'yes-no',
              text: "L'établissement a défini une organisation facilitant ses interventions.",
            },
          ],
        },
        {
          id: 'dgesco2010.s3.5.2',
          code: '3.5.2',
          title: "L'établissement favorise, accompagne et valorise les pratiques numériques des personnels",
          items: [
            {
              id: 'dgesco2010.3.5.2.1',
              kind: 'yes-no',
              text: 'Il existe un plan de formation des enseignants local pluriannuel lié aux pratiques numériques.',
            },
            {
              id: 'dgesco2010.3.5.2.2',
              kind: 'yes-no',
              text: "L'accompagnement entre pairs et la mutualisation de pratiques numériques sont encouragés et pris en compte dans l'évaluation.",
            },
            {
              id: 'dgesco2010.3.5.2.3',
              kind: 'yes-no',
              text: "L'implication de chaque enseignant dans le projet numérique de l'établissement et dans le travail d'équipe est valorisée dans l'établissement et auprès des inspecteurs.",
            },
          ],
        },
      ],
    },
    {
      id: 'dgesco2010.3.6',
      code: '3.6',
      title: 'Les usages',
      intro: [
        'Les usages des outils et services numériques sont classés en quatre catégories. Chacun de ces usages nécessite des infrastructures, des équipements et des services numériques particuliers.',
        "Pour chaque type d'usage, un ou deux indicateurs rendent compte de façon synthétique du niveau d'usage constaté. D'autres indicateurs apportent des éléments d'analyse en précisant le contexte de cet usage. Ils constituent ainsi une aide pour identifier les points forts et les points faibles et mettre en place des actions adaptées.",
      ],
      sections: [
        {
          id: 'dgesco2010.s3.6.1',
          code: '3.6.1',
          title: "L'enseignant utilise des outils et services numériques dans sa classe",
          intro: [
            "L'enseignant utilise des outils et des ressources numériques de façon collective et les présentent à ses élèves dans le cadre de son cours. Ces ressources peuvent être visuelles, sonores, audiovisuelles. Il peut s'agir de travail collectif avec un outil numérique, de présentation de ressources, de communication audio ou vidéo via des services numériques...",
          ],
          items: [
            {
              id: 'dgesco2010.3.6.1.h1',
              kind: 'usage-counts',
              role: 'headline',
              of: 'teachers',
              text: "Nombre d'enseignants utilisant devant leurs élèves un outil de diffusion collective audio ou vidéo, un TNI ou un outil de conférence",
            },
            {
              id: 'dgesco2010.3.6.1.a1',
              kind: 'count',
              role: 'context',
              of: 'teachers',
              bounded: true,
              text: "Si un Espace numérique de travail est disponible, quel est le nombre d'enseignants qui l'utilisent devant leurs élèves",
              interpretation:
                "La source ne demande pas d'abord si un Espace numérique de travail est disponible : la question est toujours posée, et un établissement qui n'en dispose pas répond 0.",
            },
            {
              id: 'dgesco2010.3.6.1.a2',
              kind: 'yes-no',
              role: 'context',
              text: 'Des droits ont été acquis pour des ressources transversales (encyclopédie, siteTV...)',
            },
            {
              id: 'dgesco2010.3.6.1.a3',
              kind: 'count',
              role: 'context',
              of: 'teachers',
              bounded: true,
              askedIf: 'dgesco2010.3.6.1.a2',
              text: "Si oui, quel est le nombre d'enseignants qui utilisent devant leurs élèves une ressource numérique de ce type",
            },
            {
              id: 'dgesco2010.3.6.1.a4',
              kind: 'yes-no',
              role: 'context',
              text: 'Des droits ont été acquis pour des ressources disciplinaires',
            },
            {
              id: 'dgesco2010.3.6.1.a5',
              kind: 'count',
              role: 'context',
              of: 'teachers',
              bounded: true,
              askedIf: 'dgesco2010.3.6.1.a4',
              text: "Si oui, quel est le nombre d'enseignants qui utilisent devant leurs élèves une ressource numérique de ce type",
            },
            {
              id: 'dgesco2010.3.6.1.a6',
              kind: 'count',
              role: 'context',
              of: 'rooms',
              bounded: true,
              text: "Nombre de salles d'enseignement équipées d'un poste informatique pour l'enseignant et disposant d'un accès réseau",
            },
            {
              id: 'dgesco2010.3.6.1.a7',
              kind: 'count',
              role: 'context',
              of: 'rooms',
              bounded: true,
              text: "Nombre de salles d'enseignement disposant d'une possibilité d'accès réseau pour les équipements mobiles des enseignants",
            },
            {
              id: 'dgesco2010.3.6.1.a8',
              kind: 'count',
              role: 'context',
              of: 'rooms',
              bounded: false,
              text: 'Nombre de salles équipées en Tableau Numérique Interactif',
              interpretation:
                "La source écrit « salles » sans préciser : dans ce domaine (l'enseignant devant sa classe), Diagnum rapporte ce nombre aux salles d'enseignement utilisées de 3.1, sans refuser un nombre plus grand (une salle de réunion peut aussi être équipée).",
            },
            {
              id: 'dgesco2010.3.6.1.a9',
              kind: 'count',
              role: 'context',
              of: 'rooms',
              bounded: false,
              text: 'Nombre de salles équipées en vidéoprojecteur fixe (hors Tableau Numérique Interactif)',
              interpretation:
                "La source écrit « salles » sans préciser : dans ce domaine (l'enseignant devant sa classe), Diagnum rapporte ce nombre aux salles d'enseignement utilisées de 3.1, sans refuser un nombre plus grand (une salle de réunion peut aussi être équipée).",
            },
            {
              id: 'dgesco2010.3.6.1.a10',
              kind: 'count',
              role: 'context',
              text: 'Nombre de vidéoprojecteurs mobiles',
            },
            {
              id: 'dgesco2010.3.6.1.a11',
              kind: 'yes-no',
              role: 'context',
              text: "Un système de visioconférence – web-conférence est disponible dans l'établissement",
            },
          ],
        },
        {
          id: 'dgesco2010.s3.6.2',
          code: '3.6.2',
          title: 'Les élèves utilisent des outils et services numériques dans leur classe avec leur enseignant',
          intro: [
            "L'enseignant implique ses élèves dans des activités individuelles s'appuyant sur des ressources et services numériques au service de la personnalisation des enseignements (en classe, tutorat, aide individualisée, ASH...). Les élèves travaillent individuellement, à tour de rôle, par atelier ou par petit groupe.",
            'Les travaux scolaires dans le temps de classe basés sur les outils de communication font partie de cette rubrique.',
          ],
          items: [
            {
              id: 'dgesco2010.3.6.2.h1',
              kind: 'usage-counts',
              role: 'headline',
              of: 'divisions',
              text: 'Nombre de divisions où les élèves utilisent des outils et services numériques dans le cadre de la classe',
            },
            {
              id: 'dgesco2010.3.6.2.h2',
              kind: 'usage-counts',
              role: 'headline',
              of: 'teachers',
              text: "Nombre d'enseignants impliquant leurs élèves dans des activités numériques",
            },
            {
              id: 'dgesco2010.3.6.2.a1',
              kind: 'count',
              role: 'context',
              of: 'teachers',
              bounded: true,
              text: "Nombre d'enseignants impliqués dans la validation du B2I",
            },
            {
              id: 'dgesco2010.3.6.2.a2',
              kind: 'count',
              role: 'context',
              of: 'divisions',
              bounded: false,
              text: 'Nombre de divisions ou groupes utilisant au moins un manuel numérique',
              interpretation:
                "La source compte les divisions « ou groupes » : une division peut être partagée en plusieurs groupes (langues, options, demi-groupes), ce nombre peut donc dépasser le nombre de divisions de 3.1.",
            },
            {
              id: 'dgesco2010.3.6.2.a3',
              kind: 'count',
              role: 'context',
              of: 'divisions',
              bounded: false,
              text: 'Nombre de divisions ou groupes utilisant la baladodiffusion',
              interpretation:
                "La source compte les divisions « ou groupes » : une division peut être partagée en plusieurs groupes (langues, options, demi-groupes), ce nombre peut donc dépasser le nombre de divisions de 3.1.",
            },
            {
              id: 'dgesco2010.3.6.2.a4',
              kind: 'count',
              role: 'context',
              of: 'students',
              bounded: true,
              text: "Nombre d'élèves impliqués dans un projet collaboratif avec des personnes extérieures à l'établissement via des outils numériques",
            },
            {
              id: 'dgesco2010.3.6.2.a5',
              kind: 'count',
              role: 'context',
              of: 'rooms',
              bounded: false,
              text: 'Nombre de salles informatiques équipées pour les travaux individuels des élèves en classe entière',
              interpretation:
                "Diagnum rapporte ce nombre aux salles d'enseignement utilisées de 3.1, mais sans l'y borner : selon l'établissement, les salles informatiques sont ou non comptées parmi ces salles.",
            },
            {
              id: 'dgesco2010.3.6.2.a6',
              kind: 'count',
              role: 'context',
              of: 'rooms',
              bounded: false,
              text: 'Nombre de salles informatiques équipées pour les travaux par binômes des élèves',
              interpretation:
                "Diagnum rapporte ce nombre aux salles d'enseignement utilisées de 3.1, mais sans l'y borner : selon l'établissement, les salles informatiques sont ou non comptées parmi ces salles.",
            },
            {
              id: 'dgesco2010.3.6.2.a7',
              kind: 'count',
              role: 'context',
              text: 'Nombre de classes mobiles pour les travaux individuels des élèves',
            },
            {
              id: 'dgesco2010.3.6.2.a8',
              kind: 'yes-no',
              role: 'context',
              text: "L'accès au réseau des équipements nomades à destination des élèves est prévu.",
            },
            {
              id: 'dgesco2010.3.6.2.a9',
              kind: 'count',
              role: 'context',
              of: 'divisions',
              bounded: true,
              text: "Nombre de divisions où les élèves sont tous équipés individuellement d'ordinateurs portables apportés en classe",
            },
          ],
        },
        {
          id: 'dgesco2010.s3.6.3',
          code: '3.6.3',
          title:
            'Les enseignants et les élèves utilisent des outils et services numériques pour le travail scolaire hors du temps de classe',
          intro: [
            "Les élèves accomplissent les travaux demandés par leurs enseignants ou se forment en fonction de leurs besoins. Ils accèdent aux contenus multimédias et services associés pour lesquels les droits ont été acquis auprès des éditeurs et à d'autres ressources pédagogiques numériques fournis par les enseignants et les autres personnels éducatifs. Les enseignants mettent à disposition les ressources et animent les activités scolaires.",
            'Les travaux scolaires hors du temps de classe basés sur les outils de communication font partie de cette rubrique.',
          ],
          items: [
            {
              id: 'dgesco2010.3.6.3.h1',
              kind: 'usage-counts',
              role: 'headline',
              of: 'teachers',
              text: "Nombre d'enseignants donnant des travaux nécessitant des outils et services numériques en dehors de la classe",
            },
            {
              id: 'dgesco2010.3.6.3.a1',
              kind: 'count',
              role: 'context',
              of: 'students',
              bounded: true,
              text: "Nombre d'élèves consultant le cahier de textes de la classe",
            },
            {
              id: 'dgesco2010.3.6.3.a2',
              kind: 'count',
              role: 'context',
              of: 'students',
              bounded: true,
              text: "Nombre d'élèves utilisant des outils et services numériques dans le cadre du dispositif d'accompagnement individuel",
            },
            {
              id: 'dgesco2010.3.6.3.a3',
              kind: 'count',
              role: 'context',
              of: 'students',
              bounded: true,
              text: "Nombre d'élèves utilisant un outil numérique d'aide à l'orientation",
            },
            {
              id: 'dgesco2010.3.6.3.a4',
              kind: 'yes-no',
              role: 'context',
              text: 'Des droits ont été acquis pour des ressources parascolaires',
            },
            {
              id: 'dgesco2010.3.6.3.a5',
              kind: 'count',
              role: 'context',
              of: 'students',
              bounded: true,
              askedIf: 'dgesco2010.3.6.3.a4',
              text: "Si oui, quel est le nombre d'élèves qui utilisent une ressource numérique de ce type",
            },
            {
              id: 'dgesco2010.3.6.3.a6',
              kind: 'yes-no',
              role: 'context',
              text: "Des actions de sensibilisation au bon usage de l'internet à destination des élèves sont conduites dans l'établissement.",
            },
            {
              id: 'dgesco2010.3.6.3.a7',
              kind: 'yes-no',
              role: 'context',
              text: "L'intégration au réseau des équipements mobiles des enseignants est possible en dehors de la classe",
            },
            {
              id: 'dgesco2010.3.6.3.a8',
              kind: 'yes-no',
              role: 'context',
              text: "L'intégration au réseau des équipements mobiles des élèves est possible en dehors de la classe",
            },
            {
              id: 'dgesco2010.3.6.3.a9',
              kind: 'yes-no',
              role: 'context',
              text: 'Le CDI est équipé en postes de travail.',
            },
            {
              id: 'dgesco2010.3.6.3.a10',
              kind: 'yes-no',
              role: 'context',
              text: "L'internat est équipé en postes de travail.",
            },
            {
              id: 'dgesco2010.3.6.3.a11',
              kind: 'yes-no',
              role: 'context',
              text: 'Les salles de permanences sont équipées avec un ou quelques postes de travail.',
            },
            {
              id: 'dgesco2010.3.6.3.a12',
              kind: 'yes-no',
              role: 'context',
              text: 'Un espace de travail équipé en postes de travail à destination des élèves est accessible en dehors des cours',
            },
            {
              id: 'dgesco2010.3.6.3.a13',
              kind: 'percentage',
              role: 'context',
              text: "Proportion d'enseignants équipés d'ordinateur personnel",
            },
            {
              id: 'dgesco2010.3.6.3.a14',
              kind: 'percentage',
              role: 'context',
              text: "Proportion des familles des élèves équipées d'ordinateur et d'une connexion internet",
            },
            {
              id: 'dgesco2010.3.6.3.a15',
              kind: 'percentage',
              role: 'context',
              text: "Proportion des élèves équipés d'un ordinateur personnel",
            },
          ],
        },
        {
          id: 'dgesco2010.s3.6.4',
          code: '3.6.4',
          title:
            "Les acteurs du système éducatif s'informent et échangent via des outils et services numériques",
          intro: [
            "Les différents acteurs s'informent, débattent, communiquent entre eux (tableaux d'affichage numérique, messageries, ENT, sites, blogs...). Les parents accèdent aux services numériques les concernant.",
          ],
          items: [
            {
              id: 'dgesco2010.3.6.4.h1',
              kind: 'usage-counts',
              role: 'headline',
              of: 'families',
              text: "Nombre de familles qui utilisent les services numériques de l'établissement",
            },
            {
              id: 'dgesco2010.3.6.4.a1',
              kind: 'yes-no',
              role: 'context',
              text: "L'administration de l'établissement diffuse de l'information actualisée au grand public. (portail)",
            },
            {
              id: 'dgesco2010.3.6.4.a2',
              kind: 'yes-no',
              role: 'context',
              text: "L'administration de l'établissement diffuse de l'information ciblée (élèves, familles, enseignants, agents...)",
            },
            {
              id: 'dgesco2010.3.6.4.a3',
              kind: 'yes-no',
              role: 'context',
              text: "L'administration de l'établissement communique vers les enseignants par un canal numérique. (casiers numériques)",
            },
            {
              id: 'dgesco2010.3.6.4.a4',
              kind: 'yes-no',
              role: 'context',
              text: "Les personnels échangent entre eux au moyen d'outils numériques.",
            },
            {
              id: 'dgesco2010.3.6.4.a5',
              kind: 'yes-no',
              role: 'context',
              text: "Les enseignants et les élèves échangent entre eux au moyen d'outils numériques",
            },
            {
              id: 'dgesco2010.3.6.4.a6',
              kind: 'checklist',
              role: 'context',
              text: 'Services numériques accessibles aux familles :',
              options: [
                { id: 'actualite', label: 'Actualité' },
                { id: 'carnet-de-notes', label: 'Carnet de notes' },
                { id: 'cahier-de-textes', label: 'Cahier de textes' },
                { id: 'formulaire-de-contact', label: 'Formulaire de contact' },
              ],
            },
            {
              id: 'dgesco2010.3.6.4.a7',
              kind: 'yes-no',
              role: 'context',
              text: 'Il existe une publication de valorisation des ressources documentaires numériques disponibles.',
            },
            {
              id: 'dgesco2010.3.6.4.a8',
              kind: 'yes-no',
              role: 'context',
              text: "Il existe des équipements informatiques permettant l'accès à l'information dans l'établissement à destination des familles",
            },
          ],
        },
      ],
    },
  ],
} satisfies Referentiel;
