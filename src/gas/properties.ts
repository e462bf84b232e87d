/**
 * The document's property store: what the add-on remembers about this tracker between runs
 * (settings, checkpoints, rounds). Stored per spreadsheet, shared by everyone who uses it, so it
 * holds no pupil data (developers.google.com/apps-script/reference/properties/properties-service).
 * Jobs take it from here rather than from the PropertiesService global (src/gas is the only layer
 * that touches Google's services).
 */
export type PropertyStore = GoogleAppsScript.Properties.Properties;

export function documentProperties(): PropertyStore {
  return PropertiesService.getDocumentProperties();
}
