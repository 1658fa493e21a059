/*
 * Starts gstats' dashboard on the report picked: the fleet first, then each repository's. Every
 * report sits in the page gzip-compressed and in base64 and is unpacked when it is picked.
 */
(function () {
  'use strict';

  async function unpack(block) {
    const binary = atob(block.textContent.trim());
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) {
      bytes[i] = binary.charCodeAt(i);
    }
    const json = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'));
    return JSON.parse(await new Response(json).text());
  }

  const root = document.getElementById('report');
  const picker = document.getElementById('gstats-picker');
  const reports = Array.from(document.querySelectorAll('script.gstats-data'));
  reports.forEach((block, index) => {
    const option = document.createElement('option');
    option.value = String(index);
    option.textContent = block.dataset.label;
    picker.appendChild(option);
  });

  function show(index) {
    document.body.dataset.rendered = 'false';
    return unpack(reports[index])
      .then(report => gstatsDashboard(root, report))
      .then(() => {
        document.body.dataset.shown = reports[index].dataset.label;
        document.body.dataset.rendered = 'true';
      })
      .catch(error => {
        root.replaceChildren();
        const message = document.createElement('p');
        message.className = 'failure';
        message.textContent = 'This report could not be shown (' + error.message + '). It needs a current browser; '
          + 'the same data is in fleet-report.json and the Parquet tables.';
        root.appendChild(message);
        throw error;
      });
  }

  picker.addEventListener('change', () => show(Number(picker.value)));
  show(0);
}());
