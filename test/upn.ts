/** UPNs for test fixtures (a helper only tests need lives in test/, docs/ARCHITECTURE.md). */
import { upnCheckLetter } from '../src/core/records/upn';
/**
 * A valid permanent UPN for the sample school: LA 823 (a real LA code range, so MIS-style
 * validators accept it) then the seed as 9 digits. Distinct seeds (0 … 999 999 999) give distinct
 * UPNs; small seeds give UPNs with runs of zeros, which is what the leading-zero tests need.
 */
export function makeUpn(seedNumber: number): string {
  const n = Math.abs(Math.floor(seedNumber)) % 1000000000;
  const body = '823' + String(n).padStart(9, '0');
  return upnCheckLetter(body) + body;
}
