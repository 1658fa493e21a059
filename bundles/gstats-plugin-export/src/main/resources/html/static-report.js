/*
 * Starts the dashboard of a static report file: the JSON report sits in the page
 * gzip-compressed and in base64; the browser's DecompressionStream unpacks it. The stored scans,
 * when the page has them, are plain JSON beside it.
 */
(function () {
  'use strict';

  async function embeddedReport() {
    const base64 = document.getElementById('gstats-data').textContent.trim();
    const binary = atob(base64);
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) {
      bytes[i] = binary.charCodeAt(i);
    }
    const json = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'));
    return JSON.parse(await new Response(json).text());
  }

  /** The repository's stored scans, which the page holds when the store had them; else null. */
  function embeddedHistory() {
    const block = document.getElementById('gstats-history');
    return block ? JSON.parse(block.textContent) : null;
  }

  const root = document.getElementById('report');
  embeddedReport()
    .then(report => {
      // the phases of the first view, for benchmarks/dashboard-report.sh: data unpacked, then views drawn
      performance.mark('gstats-data-unpacked');
      return gstatsDashboard(root, report, embeddedHistory());
    })
    .then(() => {
      performance.mark('gstats-first-view');
      document.body.dataset.rendered = 'true';
    })
    .catch(error => {
      root.replaceChildren();
      const message = document.createElement('p');
      message.className = 'failure';
      message.textContent = 'This report could not be shown (' + error.message + '). It needs a current browser; '
        + 'the same data is in gstats scan --format json.';
      root.appendChild(message);
      throw error;
    });
}());
