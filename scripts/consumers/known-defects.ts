/**
 * A defect the consumer checks found, owned elsewhere (the wire contract): the mock sends media
 * URLs relative to the API (`/media/avatars/…`, `/media/products/…`) and the elements resolve them
 * against the page, so on a page of another origin the pictures 404. The checks report these
 * loads loudly on every run instead of failing; delete this module once the URLs are absolute
 * (mock) or resolved against the client's base URL (SDK/elements).
 */
const MEDIA_404 = /^Failed to load resource: the server responded with a status of 404 .*\((https?:\/\/[^\s)]+\/media\/(products|avatars)\/[^\s)]+\.(?:svg|png))\)$/;

/** Splits page errors (`<console text> (<resource URL>)`) into real ones and known-defect ones (collected into `known`). */
export function withoutKnownDefects(errors: readonly string[], known: Set<string>): string[] {
  return errors.filter((error) => {
    const url = MEDIA_404.exec(error)?.[1];
    if (url) known.add(url);
    return !url;
  });
}

/** The warning line for the known loads seen, or '' when none. */
export function knownDefectWarning(known: ReadonlySet<string>): string {
  return known.size ? `⚠ known defect, not failed: media URLs resolved against the page, not the API (${known.size} failed loads, e.g. ${[...known][0]})` : '';
}
