import { addMessages } from '../core/i18n';

/** Fixed text of the language server (code action titles, notices), in English and French. */
addMessages('en', {
  'action.replace': 'Replace “{0}” with “{1}”',
  'action.suggest': 'Replace with “{0}” (check the grammar)',
  'action.fixRule': 'Fix all “{0}” problems in this document',
  'action.fixAll': 'Fix all Lanzarote problems that have a safe fix',
  'action.silence': 'Silence {0} on this line',
  'action.show': 'Show {0}',
  'action.insertClause': 'Insert model clause: {0}',
  'settings.ignored': 'Lanzarote: {0}: “{1}”: {2} The value is ignored.',
  'settings.ignoredNoKey': 'Lanzarote: {0}: {1} The file is ignored.',
  'settings.untrusted': 'Lanzarote: the workspace is not trusted; of {0} only “severity” and “quotations” are used.',
  'file.unreadable': 'Cannot read {0} ({1}).',
});
addMessages('fr', {
  'action.replace': 'Remplacer « {0} » par « {1} »',
  'action.suggest': 'Remplacer par « {0} » (vérifier la grammaire)',
  'action.fixRule': 'Corriger tous les problèmes « {0} » du document',
  'action.fixAll': 'Corriger tous les problèmes Lanzarote qui ont une correction sûre',
  'action.silence': 'Ignorer sur cette ligne : {0}',
  'action.show': 'Afficher : {0}',
  'action.insertClause': 'Insérer la clause type : {0}',
  'settings.ignored': 'Lanzarote : {0} : « {1} » : {2} La valeur est ignorée.',
  'settings.ignoredNoKey': 'Lanzarote : {0} : {1} Le fichier est ignoré.',
  'settings.untrusted': 'Lanzarote : l’espace de travail n’est pas approuvé ; de {0}, seuls « severity » et « quotations » sont utilisés.',
  'file.unreadable': 'Impossible de lire {0} ({1}).',
});
