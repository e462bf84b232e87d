/**
 * Links from an e-mail to a tab of the tracker: the spreadsheet's URL with `#gid=<sheet id>`,
 * which opens that tab (Spreadsheet.getUrl, Sheet.getSheetId —
 * developers.google.com/apps-script/reference/spreadsheet/sheet#getSheetId()). A link cannot set a
 * filter: filter views are made only through the Sheets API, so e-mails link to the tab and say
 * what to look for (docs/emails.md). Looked up only for the tabs an e-mail links to, once each
(getUrl once, then getSheetByName + getSheetId per tab), whatever the roll.
 */
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export interface TabLinks {
  /** The link to a tab by name, or '' when the tracker has no such tab. */
  (tab: string): string;
}

export function tabLinks(ss: Spreadsheet): TabLinks {
  let base: string | null = null;
  const links = new Map<string, string>();
  return (tab: string) => {
    const known = links.get(tab);
    if (known !== undefined) return known;
    if (base === null) base = String(ss.getUrl() || '').replace(/#.*$/, '');
    const sheet = ss.getSheetByName(tab);
    const link = base && sheet ? `${base}#gid=${sheet.getSheetId()}` : '';
    links.set(tab, link);
    return link;
  };
}
