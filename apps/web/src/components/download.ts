/**
 * Hands a file fetched through the typed client to the browser as a download: the browser cannot
 * download a URL that needs an Authorization header, so the file comes as a Blob and goes out
 * through an object URL.
 */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // The click has handed the file to the browser; the object URL can go once it has read it.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
