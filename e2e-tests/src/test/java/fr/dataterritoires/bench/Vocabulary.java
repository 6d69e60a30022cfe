package fr.dataterritoires.bench;

import java.util.List;

/**
 * The words of the generated catalogue: themes and the subjects French territorial open data is made of, each with
 * the levels that publish it, who publishes it, its formats, standard (schema.data.gouv.fr) and rhythm. The query
 * mix draws from the same lists, so every query has matches of varying selectivity.
 */
final class Vocabulary {

    private Vocabulary() {
    }

    /** Who publishes a subject. COLLECTIVITY is the local authority of the covered territory itself. */
    enum ProducerKind { COLLECTIVITY, STATE_SERVICE, OPERATOR, ASSOCIATION, COMPANY }

    /**
     * @param title        the title stem, as a producer would write it
     * @param acronym      the domain acronym users type (PLU, IRVE...), or null
     * @param theme        one of {@link #THEMES}
     * @param keywords     tags
     * @param sentence     the first sentence of descriptions
     * @param schema       schema.data.gouv.fr id, or null
     * @param schemaVersion its version, or null
     * @param levels       relative weights of commune, EPCI, département, région, national coverage
     * @param producers    relative weights of the {@link ProducerKind}s, in their order
     * @param formats      formats of the distributions, most usual first
     * @param frequency    udata frequency id
     * @param closedShare  share of datasets not open (shared or restricted)
     * @param weight       how common the subject is in a catalogue
     * @param companies    company names that publish it (for {@link ProducerKind#COMPANY}), may be empty
     */
    record Subject(String title, String acronym, String theme, List<String> keywords, String sentence, String schema,
                   String schemaVersion, int[] levels, int[] producers, List<String> formats, String frequency,
                   double closedShare, int weight, List<String> companies) {
    }

    static final List<String> THEMES = List.of("urbanisme", "mobilité", "énergie", "environnement", "santé",
            "éducation", "finances locales", "eau", "déchets", "tourisme", "culture", "social", "économie",
            "agriculture", "sécurité", "référentiels", "population");

    private static Subject s(String title, String acronym, String theme, String keywords, String sentence,
                             String schema, String version, int[] levels, int[] producers, String formats,
                             String frequency, double closedShare, int weight, String companies) {
        return new Subject(title, acronym, theme, List.of(keywords.split(",\\s*")), sentence, schema, version, levels,
                producers, List.of(formats.split(",\\s*")), frequency, closedShare, weight,
                companies.isEmpty() ? List.of() : List.of(companies.split(",\\s*")));
    }

    //                                        commune, EPCI, dépt, région, national
    private static int[] lv(int c, int e, int d, int r, int n) {
        return new int[] {c, e, d, r, n};
    }

    //                                    collectivity, State, operator, association, company
    private static int[] pr(int c, int s, int o, int a, int co) {
        return new int[] {c, s, o, a, co};
    }

    static final List<Subject> SUBJECTS = List.of(
            // urbanisme
            s("Plan local d'urbanisme", "PLU", "urbanisme", "plu, urbanisme, zonage, règlement, documents d'urbanisme",
                    "Pièces écrites et graphiques du plan local d'urbanisme : zonage, règlement, orientations d'aménagement et de programmation.",
                    null, null, lv(70, 25, 0, 0, 0), pr(90, 10, 0, 0, 0), "shp, geojson, pdf, zip", "irregular", 0.02, 30, ""),
            s("Plan local d'urbanisme intercommunal", "PLUi", "urbanisme", "plui, urbanisme, zonage, intercommunalité",
                    "Zonage et prescriptions du plan local d'urbanisme intercommunal, standard CNIG.",
                    null, null, lv(0, 100, 0, 0, 0), pr(95, 5, 0, 0, 0), "shp, geojson, pdf", "irregular", 0.02, 10, ""),
            s("Permis de construire et d'aménager", null, "urbanisme", "permis de construire, autorisations d'urbanisme, sitadel, logement",
                    "Autorisations d'urbanisme délivrées : permis de construire, d'aménager et de démolir, déclarations préalables.",
                    null, null, lv(50, 15, 20, 5, 10), pr(60, 40, 0, 0, 0), "csv, xlsx, json", "monthly", 0.05, 20, ""),
            s("Schéma de cohérence territoriale", "SCoT", "urbanisme", "scot, planification, aménagement du territoire",
                    "Documents du schéma de cohérence territoriale : projet d'aménagement, document d'orientation et d'objectifs.",
                    null, null, lv(0, 80, 20, 0, 0), pr(90, 10, 0, 0, 0), "pdf, shp, geojson", "irregular", 0.03, 6, ""),
            s("Servitudes d'utilité publique", "SUP", "urbanisme", "servitudes, sup, contraintes, géoportail de l'urbanisme",
                    "Servitudes d'utilité publique affectant l'utilisation du sol, au standard CNIG.",
                    null, null, lv(10, 10, 60, 20, 0), pr(10, 90, 0, 0, 0), "shp, geojson, zip", "irregular", 0.1, 8, ""),
            s("Cadastre et parcelles", null, "urbanisme", "cadastre, parcelles, foncier, pci vecteur",
                    "Plan cadastral informatisé : parcelles, bâtiments, sections et lieux-dits.",
                    null, null, lv(30, 20, 30, 10, 10), pr(30, 60, 10, 0, 0), "geojson, shp, edigeo", "annual", 0.05, 12, ""),
            // mobilité
            s("Bornes de recharge pour véhicules électriques", "IRVE", "mobilité", "irve, bornes de recharge, véhicules électriques, mobilité électrique",
                    "Localisation et caractéristiques techniques des points de recharge pour véhicules électriques.",
                    "etalab/schema-irve-statique", "2.3.1", lv(45, 25, 15, 5, 10), pr(40, 0, 5, 0, 55), "csv, json, geojson", "monthly", 0.02, 25,
                    "Izivia, Freshmile, TotalEnergies Marketing France, Ionity, Electra, Tesla France, Allego"),
            s("Horaires des transports en commun", "GTFS", "mobilité", "gtfs, transport public, horaires, arrêts, bus, tramway",
                    "Horaires théoriques, arrêts et lignes du réseau de transport en commun au format GTFS.",
                    null, null, lv(20, 60, 5, 15, 0), pr(40, 0, 10, 0, 50), "gtfs, zip, netex", "monthly", 0.01, 15,
                    "Keolis, Transdev, RATP Dev, SNCF Voyageurs"),
            s("Aménagements cyclables", null, "mobilité", "vélo, pistes cyclables, aménagements cyclables, mobilités douces",
                    "Tracés et types des aménagements cyclables : pistes, bandes, voies vertes et double-sens cyclables.",
                    "etalab/schema-amenagements-cyclables", "0.3.4", lv(50, 30, 15, 5, 0), pr(85, 0, 0, 15, 0), "geojson, csv, shp", "quarterly", 0.01, 14, ""),
            s("Lieux de stationnement", null, "mobilité", "stationnement, parkings, places, voirie",
                    "Parcs et aires de stationnement avec leur capacité, leurs tarifs et leurs horaires.",
                    "etalab/schema-stationnement", "2.2.0", lv(65, 30, 5, 0, 0), pr(75, 0, 0, 0, 25), "csv, geojson, json", "annual", 0.02, 12,
                    "Indigo, Effia, Q-Park, Saemes"),
            s("Aires de covoiturage", null, "mobilité", "covoiturage, aires, mobilité partagée",
                    "Aires et lieux de covoiturage aménagés, avec leur nombre de places.",
                    "etalab/schema-lieux-covoiturage", "0.2.6", lv(10, 30, 45, 15, 0), pr(90, 10, 0, 0, 0), "csv, geojson", "semiannual", 0.01, 6, ""),
            s("Comptages routiers", null, "mobilité", "trafic, comptages, circulation, routes",
                    "Trafic moyen journalier annuel mesuré aux points de comptage du réseau routier.",
                    null, null, lv(20, 20, 45, 5, 10), pr(70, 25, 5, 0, 0), "csv, xlsx, geojson", "annual", 0.05, 10, ""),
            s("Accidents corporels de la circulation", null, "sécurité", "accidents, sécurité routière, baac, victimes",
                    "Accidents corporels de la circulation routière et leurs victimes, d'après les bulletins d'analyse.",
                    null, null, lv(5, 5, 40, 10, 40), pr(10, 90, 0, 0, 0), "csv, xlsx", "annual", 0.15, 8, ""),
            // énergie
            s("Consommation annuelle d'électricité et de gaz", null, "énergie", "consommation, électricité, gaz, énergie, secteur résidentiel",
                    "Consommations annuelles d'électricité et de gaz naturel par secteur d'activité.",
                    null, null, lv(40, 25, 15, 10, 10), pr(5, 10, 10, 0, 75), "csv, json, xlsx", "annual", 0.03, 14,
                    "Enedis, GRDF, RTE, GRTgaz"),
            s("Production d'électricité renouvelable", null, "énergie", "énergies renouvelables, photovoltaïque, éolien, production",
                    "Installations de production d'électricité renouvelable raccordées au réseau et leur puissance.",
                    null, null, lv(30, 20, 20, 15, 15), pr(10, 20, 10, 0, 60), "csv, json", "quarterly", 0.03, 10,
                    "Enedis, RTE, EDF Renouvelables"),
            s("Plan climat-air-énergie territorial", "PCAET", "énergie", "pcaet, climat, transition énergétique, gaz à effet de serre",
                    "Diagnostic, stratégie et programme d'actions du plan climat-air-énergie territorial.",
                    null, null, lv(0, 80, 10, 10, 0), pr(95, 5, 0, 0, 0), "pdf, csv, xlsx", "irregular", 0.05, 8, ""),
            s("Diagnostics de performance énergétique des logements", "DPE", "énergie", "dpe, performance énergétique, logement, rénovation",
                    "Diagnostics de performance énergétique réalisés sur les logements : étiquettes énergie et climat.",
                    null, null, lv(10, 10, 20, 10, 50), pr(5, 20, 75, 0, 0), "csv, parquet, json", "monthly", 0.05, 8, ""),
            s("Éclairage public", null, "énergie", "éclairage public, luminaires, sobriété énergétique",
                    "Points lumineux de l'éclairage public, type de lampes et horaires d'extinction.",
                    null, null, lv(75, 20, 5, 0, 0), pr(90, 0, 0, 0, 10), "csv, geojson, shp", "annual", 0.02, 8, "Citelum, Bouygues Énergies et Services"),
            // environnement
            s("Qualité de l'air", null, "environnement", "qualité de l'air, pollution, particules fines, no2, ozone, atmo",
                    "Concentrations des polluants atmosphériques mesurées et modélisées : dioxyde d'azote, particules PM10 et PM2,5, ozone.",
                    null, null, lv(15, 20, 10, 45, 10), pr(5, 10, 15, 70, 0), "csv, json, geojson, wms", "daily", 0.02, 15, ""),
            s("Arbres d'alignement", null, "environnement", "arbres, patrimoine arboré, végétation, espaces verts",
                    "Inventaire des arbres d'alignement et des parcs : essence, hauteur, date de plantation.",
                    null, null, lv(80, 20, 0, 0, 0), pr(95, 0, 0, 5, 0), "csv, geojson, shp", "annual", 0.01, 12, ""),
            s("Îlots de chaleur urbains", "ICU", "environnement", "îlots de chaleur, canicule, température, adaptation",
                    "Cartographie des îlots de chaleur et de fraîcheur urbains à partir de mesures de température de surface.",
                    null, null, lv(50, 35, 5, 10, 0), pr(80, 5, 15, 0, 0), "geojson, tif, shp", "irregular", 0.02, 6, ""),
            s("Plan de prévention du risque inondation", "PPRI", "environnement", "ppri, inondation, risques naturels, zonage réglementaire",
                    "Zonage réglementaire et aléas du plan de prévention du risque inondation.",
                    null, null, lv(20, 10, 60, 10, 0), pr(10, 90, 0, 0, 0), "shp, geojson, pdf", "irregular", 0.05, 8, ""),
            s("Zones naturelles d'intérêt écologique", "ZNIEFF", "environnement", "znieff, biodiversité, espaces naturels, inventaire",
                    "Périmètres des zones naturelles d'intérêt écologique, faunistique et floristique.",
                    null, null, lv(0, 0, 20, 50, 30), pr(0, 40, 60, 0, 0), "shp, geojson", "annual", 0.02, 6, ""),
            s("Cartes de bruit stratégiques", null, "environnement", "bruit, nuisances sonores, cartes de bruit, infrastructures",
                    "Cartes de bruit stratégiques des grandes infrastructures de transport et des agglomérations.",
                    null, null, lv(20, 30, 40, 0, 10), pr(40, 60, 0, 0, 0), "shp, pdf, geojson", "irregular", 0.03, 5, ""),
            // santé
            s("Défibrillateurs automatisés externes", "DAE", "santé", "défibrillateurs, dae, secours, premiers secours",
                    "Localisation et accessibilité des défibrillateurs automatisés externes.",
                    "arsante/schema-dae", "2.0.1", lv(60, 20, 10, 5, 5), pr(70, 5, 10, 10, 5), "csv, json, geojson", "monthly", 0.01, 10, ""),
            s("Offre de soins et professionnels de santé", null, "santé", "médecins, professionnels de santé, offre de soins, déserts médicaux",
                    "Professionnels de santé libéraux et établissements, avec leur spécialité et leur localisation.",
                    null, null, lv(10, 10, 30, 30, 20), pr(5, 30, 65, 0, 0), "csv, xlsx, json", "monthly", 0.2, 10, ""),
            s("Pharmacies", null, "santé", "pharmacies, officines, santé",
                    "Officines de pharmacie et leurs horaires d'ouverture.",
                    null, null, lv(20, 10, 30, 30, 10), pr(10, 40, 50, 0, 0), "csv, json", "monthly", 0.05, 5, ""),
            s("Passages aux urgences", null, "santé", "urgences, hôpital, passages, activité hospitalière",
                    "Nombre de passages aux urgences par établissement et par motif de recours.",
                    null, null, lv(0, 0, 40, 40, 20), pr(0, 30, 70, 0, 0), "csv, xlsx", "weekly", 0.45, 5, ""),
            // éducation
            s("Établissements scolaires", null, "éducation", "écoles, collèges, lycées, établissements scolaires, annuaire de l'éducation",
                    "Écoles, collèges et lycées publics et privés avec leurs coordonnées et leurs effectifs.",
                    null, null, lv(30, 5, 30, 20, 15), pr(40, 60, 0, 0, 0), "csv, json, geojson", "annual", 0.02, 10, ""),
            s("Menus de la restauration scolaire", null, "éducation", "cantine, restauration scolaire, menus, alimentation",
                    "Menus servis dans les cantines scolaires, avec la part de produits biologiques et durables.",
                    "scdl/menus-collectifs", "0.2.0", lv(80, 15, 5, 0, 0), pr(90, 0, 0, 0, 10), "csv, json, pdf", "weekly", 0.01, 6,
                    "Sodexo, Elior, Api Restauration"),
            s("Effectifs d'élèves", null, "éducation", "effectifs, élèves, rentrée scolaire, démographie scolaire",
                    "Effectifs d'élèves par établissement, niveau et formation à la rentrée.",
                    null, null, lv(10, 0, 30, 30, 30), pr(10, 90, 0, 0, 0), "csv, xlsx", "annual", 0.05, 6, ""),
            // finances locales
            s("Budget primitif", "BP", "finances locales", "budget, budget primitif, finances locales, dépenses, recettes",
                    "Budget primitif voté par l'assemblée délibérante, présenté par chapitre et par article selon la nomenclature comptable.",
                    "scdl/budget", "0.8.1", lv(60, 20, 12, 8, 0), pr(100, 0, 0, 0, 0), "csv, xml, pdf", "annual", 0.01, 25, ""),
            s("Compte administratif", "CA", "finances locales", "compte administratif, exécution budgétaire, finances locales",
                    "Compte administratif retraçant l'exécution du budget de l'exercice écoulé.",
                    "scdl/budget", "0.8.1", lv(60, 20, 12, 8, 0), pr(100, 0, 0, 0, 0), "csv, xml, pdf", "annual", 0.01, 15, ""),
            s("Subventions versées aux associations", null, "finances locales", "subventions, associations, aides, transparence",
                    "Subventions attribuées aux associations : bénéficiaire, objet, montant et date de la convention.",
                    "scdl/subventions", "2.1.0", lv(60, 20, 12, 8, 0), pr(100, 0, 0, 0, 0), "csv, json", "annual", 0.01, 14, ""),
            s("Marchés publics attribués", "DECP", "finances locales", "marchés publics, commande publique, decp, achats",
                    "Données essentielles des marchés publics : acheteur, titulaire, objet, montant et procédure.",
                    "139bercy/format-commande-publique", "1.5.0", lv(50, 20, 15, 10, 5), pr(85, 15, 0, 0, 0), "json, xml, csv", "monthly", 0.02, 12, ""),
            s("Délibérations du conseil", null, "finances locales", "délibérations, conseil municipal, actes administratifs",
                    "Délibérations adoptées par l'assemblée, avec leur objet, leur date et le vote.",
                    "scdl/deliberations", "2.1.3", lv(70, 20, 7, 3, 0), pr(100, 0, 0, 0, 0), "csv, pdf", "monthly", 0.01, 12, ""),
            s("Fiscalité locale", null, "finances locales", "fiscalité, taxe foncière, impôts locaux, taux",
                    "Taux et produits votés de la fiscalité directe locale : taxes foncières, cotisation foncière des entreprises.",
                    null, null, lv(40, 20, 15, 5, 20), pr(40, 60, 0, 0, 0), "csv, xlsx", "annual", 0.02, 8, ""),
            // eau
            s("Qualité de l'eau potable", null, "eau", "eau potable, qualité de l'eau, analyses, contrôle sanitaire",
                    "Résultats du contrôle sanitaire de l'eau distribuée par unité de distribution.",
                    null, null, lv(40, 20, 20, 10, 10), pr(20, 50, 20, 0, 10), "csv, json", "monthly", 0.03, 10, "Veolia Eau, Suez Eau France, SAUR"),
            s("Prix de l'eau et performance des services", null, "eau", "prix de l'eau, assainissement, rpqs, services publics d'eau",
                    "Prix de l'eau et indicateurs de performance des services publics d'eau et d'assainissement.",
                    null, null, lv(40, 40, 10, 5, 5), pr(70, 10, 10, 0, 10), "csv, xlsx, pdf", "annual", 0.02, 6, "Veolia Eau, Suez Eau France, SAUR"),
            s("Points d'eau incendie", "PEI", "eau", "défense incendie, hydrants, poteaux incendie, sdis",
                    "Points d'eau incendie publics et privés et leur débit, pour la défense extérieure contre l'incendie.",
                    null, null, lv(50, 15, 35, 0, 0), pr(70, 0, 30, 0, 0), "csv, geojson", "annual", 0.25, 6, ""),
            // déchets
            s("Points d'apport volontaire", null, "déchets", "déchets, tri, conteneurs, verre, collecte sélective",
                    "Conteneurs d'apport volontaire pour le verre, les emballages, le papier et les textiles.",
                    null, null, lv(40, 55, 5, 0, 0), pr(85, 0, 0, 5, 10), "csv, geojson", "quarterly", 0.01, 12, "Citeo, Paprec, Veolia Recyclage"),
            s("Tonnages de déchets ménagers collectés", null, "déchets", "déchets ménagers, tonnages, collecte, recyclage",
                    "Tonnages de déchets ménagers et assimilés collectés par flux : ordures ménagères, recyclables, déchèteries.",
                    null, null, lv(10, 60, 15, 10, 5), pr(75, 5, 20, 0, 0), "csv, xlsx", "annual", 0.02, 10, ""),
            s("Déchèteries", null, "déchets", "déchèteries, horaires, déchets verts, encombrants",
                    "Déchèteries et points de collecte, leurs horaires d'ouverture et les déchets acceptés.",
                    null, null, lv(20, 70, 10, 0, 0), pr(90, 0, 0, 0, 10), "csv, json, geojson", "annual", 0.01, 8, ""),
            // tourisme, culture, sport
            s("Hébergements touristiques", null, "tourisme", "tourisme, hôtels, campings, hébergements, datatourisme",
                    "Hôtels, campings, gîtes et meublés de tourisme classés, avec leur capacité.",
                    null, null, lv(25, 25, 25, 20, 5), pr(40, 5, 10, 45, 0), "csv, json, xml", "monthly", 0.02, 10, ""),
            s("Sentiers de randonnée", null, "tourisme", "randonnée, sentiers, itinéraires, gpx, loisirs",
                    "Itinéraires de randonnée pédestre, équestre et VTT balisés, avec leur tracé.",
                    null, null, lv(30, 35, 30, 5, 0), pr(60, 0, 5, 35, 0), "gpx, geojson, kml", "annual", 0.01, 8, ""),
            s("Équipements sportifs", null, "culture", "équipements sportifs, gymnases, stades, piscines, res",
                    "Recensement des équipements sportifs, espaces et sites de pratique.",
                    null, null, lv(40, 10, 20, 10, 20), pr(50, 50, 0, 0, 0), "csv, json", "annual", 0.01, 8, ""),
            s("Bibliothèques et médiathèques", null, "culture", "bibliothèques, médiathèques, lecture publique, prêts",
                    "Bibliothèques et médiathèques, leurs horaires, leurs collections et leurs prêts.",
                    null, null, lv(55, 25, 10, 5, 5), pr(85, 15, 0, 0, 0), "csv, json", "annual", 0.01, 6, ""),
            // référentiels
            s("Base Adresse Locale", "BAL", "référentiels", "adresses, bal, base adresse locale, voies, numérotation",
                    "Adresses de la commune, voies et numéros, au format Base Adresse Locale.",
                    "etalab/schema-bal", "1.4", lv(90, 10, 0, 0, 0), pr(95, 0, 5, 0, 0), "csv", "monthly", 0.0, 28, ""),
            s("Équipements publics", null, "référentiels", "équipements publics, services publics, annuaire, lieux",
                    "Liste des équipements collectifs publics : mairies, écoles, salles, équipements sportifs et culturels.",
                    "scdl/equipements", "0.2.0", lv(60, 25, 10, 5, 0), pr(100, 0, 0, 0, 0), "csv, geojson", "annual", 0.01, 8, ""),
            s("Catalogue des données publiées", null, "référentiels", "catalogue, inventaire, données ouvertes, scdl",
                    "Inventaire des jeux de données de la collectivité, au format du socle commun des données locales.",
                    "scdl/catalogue", "0.1.0", lv(50, 30, 12, 8, 0), pr(100, 0, 0, 0, 0), "csv, json", "quarterly", 0.0, 5, ""),
            // social, économie, population
            s("Logements sociaux", "RPLS", "social", "logement social, rpls, bailleurs, parc locatif",
                    "Répertoire des logements locatifs des bailleurs sociaux : nombre, typologie et loyers.",
                    null, null, lv(30, 20, 25, 15, 10), pr(15, 60, 0, 0, 25), "csv, xlsx", "annual", 0.15, 8, "CDC Habitat, Action Logement"),
            s("Quartiers prioritaires de la politique de la ville", "QPV", "social", "qpv, politique de la ville, quartiers, contrat de ville",
                    "Périmètres et indicateurs des quartiers prioritaires de la politique de la ville.",
                    null, null, lv(20, 30, 20, 10, 20), pr(30, 60, 10, 0, 0), "geojson, shp, csv", "irregular", 0.05, 6, ""),
            s("Demandeurs d'emploi", null, "économie", "emploi, chômage, demandeurs d'emploi, france travail",
                    "Demandeurs d'emploi inscrits par catégorie, sexe et âge.",
                    null, null, lv(10, 15, 30, 25, 20), pr(0, 30, 70, 0, 0), "csv, xlsx", "quarterly", 0.1, 8, ""),
            s("Entreprises et établissements", "SIRENE", "économie", "sirene, entreprises, établissements, créations d'entreprises",
                    "Établissements actifs du répertoire SIRENE : activité, effectifs et date de création.",
                    null, null, lv(20, 15, 20, 15, 30), pr(10, 20, 70, 0, 0), "csv, parquet, json", "monthly", 0.02, 10, ""),
            s("Marchés et foires", null, "économie", "marchés, commerce, forains, commerces de proximité",
                    "Marchés forains et halles : jours, horaires et nombre d'étals.",
                    null, null, lv(85, 15, 0, 0, 0), pr(95, 0, 0, 5, 0), "csv, json", "annual", 0.0, 5, ""),
            s("Registre parcellaire graphique", "RPG", "agriculture", "agriculture, parcelles agricoles, cultures, pac",
                    "Parcelles agricoles déclarées à la politique agricole commune et leurs cultures.",
                    null, null, lv(5, 5, 30, 30, 30), pr(0, 40, 60, 0, 0), "shp, geojson, gpkg", "annual", 0.1, 6, ""),
            s("Recensement de la population", null, "population", "population, recensement, démographie, ménages, insee",
                    "Populations légales et principales caractéristiques des ménages, issues du recensement.",
                    null, null, lv(25, 20, 20, 15, 20), pr(10, 10, 80, 0, 0), "csv, xlsx", "annual", 0.02, 12, ""),
            s("Délinquance enregistrée", null, "sécurité", "délinquance, sécurité, faits constatés, police, gendarmerie",
                    "Crimes et délits enregistrés par la police et la gendarmerie, par indicateur.",
                    null, null, lv(20, 5, 35, 20, 20), pr(5, 95, 0, 0, 0), "csv, xlsx", "annual", 0.35, 6, ""));

    /** Extra sentences of descriptions, drawn at random after the subject's own. */
    static final List<String> SENTENCES = List.of(
            "Les données sont diffusées sous licence ouverte et peuvent être réutilisées librement.",
            "Le jeu de données est mis à jour à chaque nouvelle délibération.",
            "Les coordonnées géographiques sont exprimées en WGS 84 (EPSG:4326).",
            "Un dictionnaire des variables accompagne les fichiers.",
            "La méthodologie de collecte est décrite dans la documentation jointe.",
            "Les valeurs manquantes sont signalées par une cellule vide.",
            "Ces données alimentent le tableau de bord de suivi de la transition écologique du territoire.",
            "La série historique est disponible depuis la première année de collecte.",
            "Les fichiers sont encodés en UTF-8, séparateur point-virgule.",
            "Les données sont produites dans le cadre de l'obligation d'ouverture des données publiques (loi pour une République numérique).",
            "Une API permet d'interroger les données en temps réel.",
            "Le référentiel est consolidé au niveau national à partir des publications locales.",
            "Les données personnelles ont été supprimées ou agrégées avant publication.",
            "Pour toute question sur ces données, contactez le service open data.",
            "Certaines données sont soumises au secret statistique et ne sont diffusées qu'à partir de cinq unités.",
            "Les données géographiques sont également disponibles en flux WMS et WFS.");

    /** State services, by the level of the territory they serve ({} is the territory's name). */
    static final List<String> STATE_NATIONAL = List.of("Ministère de la Transition écologique",
            "Ministère de l'Éducation nationale", "Ministère de la Santé et de l'Accès aux soins",
            "Direction générale des Finances publiques", "Direction générale des collectivités locales",
            "Ministère de l'Intérieur", "Ministère de l'Agriculture et de la Souveraineté alimentaire",
            "Agence nationale de la cohésion des territoires");
    static final List<String> STATE_REGION = List.of("DREAL {}", "Préfecture de la région {}",
            "Agence régionale de santé {}", "Région académique {}", "DRAAF {}", "INSEE {}");
    static final List<String> STATE_DEPARTEMENT = List.of("Préfecture de {}", "Direction départementale des territoires de {}",
            "Direction départementale des finances publiques de {}", "Services de l'État en {}");

    static final List<String> OPERATORS_NATIONAL = List.of("Institut national de l'information géographique et forestière",
            "Institut national de la statistique et des études économiques", "Météo-France", "ADEME", "Cerema",
            "Santé publique France", "Office français de la biodiversité", "France Travail", "Caisse nationale d'assurance maladie",
            "Agence de services et de paiement", "Voies navigables de France");
    static final List<String> OPERATORS_LOCAL = List.of("Service départemental d'incendie et de secours de {}",
            "Agence d'urbanisme de {}", "Syndicat d'énergie de {}", "Office de tourisme de {}", "Agence de l'eau",
            "Observatoire régional de santé {}");
    static final List<String> ASSOCIATIONS = List.of("Atmo {}", "{} Nature Environnement", "OpenStreetMap France",
            "Fédération de pêche de {}", "Comité départemental de randonnée pédestre de {}", "Les Amis de la Terre {}",
            "Office de tourisme associatif de {}");
    static final List<String> COMPANIES = List.of("Enedis", "GRDF", "La Poste", "SNCF Réseau", "Orange", "Veolia");

    static final List<String> TITLE_SUFFIXES = List.of("", "", "", " - données ouvertes", " (historique)",
            " - fichier consolidé", " par IRIS", " - open data", " - carte", " - API");
}
