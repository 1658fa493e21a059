/*
 * The pages of gstats serve. They hold no data: each reads it from /api and builds its
 * elements with textContent (never markup from the repository). The repository page hands the
 * scan's JSON report to gstatsDashboard, the views of the static HTML report.
 */
(function () {
  'use strict';

  const page = document.getElementById('page');

  function element(tag, text, attributes) {
    const node = document.createElement(tag);
    if (text !== undefined && text !== null) {
      node.textContent = String(text);
    }
    Object.entries(attributes || {}).forEach(([key, value]) => node.setAttribute(key, value));
    return node;
  }

  async function api(path, options) {
    const response = await fetch('/api/' + path, options);
    const body = await response.json();
    if (!response.ok) {
      throw new Error(body.error || response.statusText);
    }
    return body;
  }

  // figures as the dashboard writes them (9,738)
  const integers = new Intl.NumberFormat('en-US', {maximumFractionDigits: 0});

  /**
   * A table of rows of cells (text, a number or an element). Each cell carries its column's
   * heading, which a phone shows beside it when serve.css lays each row out as a card.
   */
  function table(headings, rows) {
    const result = element('table', null, {class: 'listing'});
    const head = element('tr');
    headings.forEach(heading => head.appendChild(element('th', heading)));
    result.appendChild(element('thead')).appendChild(head);
    const body = result.appendChild(element('tbody'));
    rows.forEach(cells => {
      const row = element('tr');
      cells.forEach((cell, column) => {
        const td = element('td', null, {'data-label': headings[column]});
        if (cell instanceof Node) {
          td.appendChild(cell);
        } else if (typeof cell === 'number') {
          td.textContent = integers.format(cell);
          td.className = 'number';
        } else {
          td.textContent = cell === null || cell === undefined ? '' : String(cell);
        }
        row.appendChild(td);
      });
      body.appendChild(row);
    });
    return result;
  }

  function failure(error) {
    page.appendChild(element('p', 'Could not load: ' + error.message, {class: 'failure'}));
  }

  async function repositories() {
    page.appendChild(element('h1', 'Repositories'));
    const list = await api('repositories');
    if (list.length === 0) {
      page.appendChild(element('p', 'There is no Git repository in the directories this server may show (its --root '
        + 'options), nor in its scan store.'));
    }
    // the store's summary counts authors by email and lines of every text file, where the dashboard
    // counts name-and-email pairs and lines of code: the headings say which
    page.appendChild(table(['Repository', 'Latest stored scan', 'Commits', 'Author emails', 'Lines of text files',
      'Stored scans'],
      list.map(repository => {
        const link = element('a', repository.path, {href: '/repository?path=' + encodeURIComponent(repository.path)});
        const latest = repository.latest || {};
        return [link, latest.started ? latest.started.replace('T', ' ').replace(/\..*|Z$/, '') : 'not scanned yet',
          latest.commits, latest.authors, latest.lines, repository.storedScans];
      })));
    document.body.dataset.rendered = 'true';
  }

  function follow(id, status) {
    return new Promise((resolve, reject) => {
      const events = new EventSource('/api/scans/' + id + '/events');
      events.addEventListener('progress', event => {
        const figures = JSON.parse(event.data);
        status.textContent = 'Scanning: ' + integers.format(figures.commits)
          + (figures.total ? ' of ' + integers.format(figures.total) : '') + ' commits';
      });
      events.addEventListener('state', event => {
        const state = JSON.parse(event.data);
        status.textContent = 'Scan ' + state.state + (state.error ? ': ' + state.error : '');
        if (state.state === 'done') {
          events.close();
          resolve(id);
        } else if (state.state === 'failed') {
          events.close();
          reject(new Error(state.error));
        }
      });
      events.onerror = () => {
        events.close();
        reject(new Error('the event stream broke off'));
      };
    });
  }

  /**
   * Draws the trend of the stored scans (as /api/history gives them) into holder, with the charts of
   * the dashboard's History view; again, with the new scan, after each scan.
   */
  function trend(stored, holder) {
    if (typeof echarts === 'undefined') {
      return;
    }
    // the dashboard takes the rows gstats history prints, whose two-word columns are snake_case
    const rows = stored.map(scan => Object.assign({debt_score: scan.debtScore}, scan));
    gstatsDashboard.trendCharts(rows).forEach(chart => {
      if (!holder[chart.id]) {
        const box = element('div', null, {class: 'trend'});
        holder.append(element('h2', chart.title), box);
        holder[chart.id] = echarts.init(box);
        window.addEventListener('resize', () => holder[chart.id].resize());
      }
      holder[chart.id].setOption(chart.option);
    });
  }

  async function showReport(id) {
    const report = await api('scans/' + id + '/report');
    await gstatsDashboard(document.getElementById('report'), report);
    document.body.dataset.rendered = 'true';
  }

  async function repository() {
    const path = new URLSearchParams(location.search).get('path');
    if (!path) {
      throw new Error('the address names no repository (/repository?path=PATH; the Repositories page links each)');
    }
    page.appendChild(element('h1', path));
    document.title = 'gstats · ' + (path.split('/').filter(Boolean).pop() || path);
    const status = element('p', '', {class: 'progress'});
    const button = element('button', 'Scan now', {type: 'button'});
    const history = element('div');
    page.append(button, status, history);
    button.addEventListener('click', async () => {
      button.disabled = true;
      try {
        const started = await api('scans', {method: 'POST', headers: {'Content-Type': 'application/json'},
          body: JSON.stringify({repository: path})});
        await showReport(await follow(started.id, status));
        trend(await api('history?repository=' + encodeURIComponent(path)), history);
      } catch (error) {
        status.textContent = 'Scan failed: ' + error.message;
      } finally {
        button.disabled = false;
      }
    });
    trend(await api('history?repository=' + encodeURIComponent(path)), history);
    const known = (await api('repositories')).find(r => r.path === path);
    if (known && known.latestReport) {
      // this server's latest scan, or the store's (kept across restarts and from gstats scan)
      await showReport(known.latestReport).catch(() => {
        status.textContent = 'The store keeps no report of its latest scan: Scan now draws the dashboard.';
      });
    } else {
      status.textContent = 'There is no report of it yet: Scan now draws the dashboard.';
    }
  }

  async function plugins() {
    page.appendChild(element('h1', 'Plugins'));
    const holder = element('div');
    page.appendChild(holder);
    async function refresh() {
      const list = await api('plugins');
      holder.replaceChildren(table(['Plugin', 'What it does', 'State', 'Reason', 'API range', 'Version', 'Bundle'],
        list.map(p => [p.name, p.description, p.state, p.reason, p.apiRange, p.version, p.bundle])));
      document.body.dataset.rendered = 'true';
    }
    await refresh();
    // a jar dropped into plugins/ shows up without reloading the page
    setInterval(() => refresh().catch(failure), 2000);
  }

  const pages = {index: repositories, repository: repository, plugins: plugins};
  pages[document.body.dataset.page]().catch(failure);
}());
