/*
 * gstats dashboard: draws a JSON report (as gstats scan --format json writes it) as views of
 * charts: Overview, People, Code, the charts that plugin sections declare, History (the trend of
 * the repository's stored scans, when they are handed in) and All data. Every chart has its rows
 * folded beneath it ("Show table": sortable, paged). The report comes in through
 * gstatsDashboard(root, report, scans); where it comes from (embedded in a file, fetched from a
 * server) is the caller's business. Everything from the data goes into the page as text, never
 * as markup; chart tooltips are canvas text.
 */
(function (global) {
  'use strict';

  const PAGE_SIZE = 25;
  const MAX_BARS = 20;
  const MAX_GRAPH_EDGES = 150;
  const DAY_MS = 86400000;
  /** Histories shorter than this are drawn by week, longer ones by month. */
  const WEEKLY_UNTIL_DAYS = 730;
  const integers = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
  const decimals = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });
  const dates = new Intl.DateTimeFormat('en-GB', { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' });
  const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?Z$/;
  const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
  const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
  const PALETTE = ['#3e4c97', '#e07a2e', '#2a9d8f', '#c8553d', '#7b5ea7', '#8ab17d', '#d4a72c', '#3d85c6',
    '#b5838d', '#5c946e', '#e76f51', '#6d6875'];
  const RATING_COLOURS = { A: '#2a9d8f', B: '#8ab17d', C: '#e9c46a', D: '#f4a261', E: '#e76f51' };
  /** Column names said better than by replacing underscores. */
  const LABELS = {
    loc: 'Lines of code', cyclomatic: 'Cyclomatic complexity', cognitive: 'Cognitive complexity',
    age_days: 'Age (days)', churn_30d: 'Churn, 30 days', churn_90d: 'Churn, 90 days', churn_365d: 'Churn, 365 days',
    revisions_30d: 'Revisions, 30 days', revisions_90d: 'Revisions, 90 days', revisions_365d: 'Revisions, 365 days',
    authors_30d: 'Authors, 30 days', authors_90d: 'Authors, 90 days', authors_365d: 'Authors, 365 days',
    revisions_norm: 'Revisions (0-1)', complexity_norm: 'Complexity (0-1)', time_ms: 'Time (ms)',
    duration_ms: 'Duration (ms)', limit_bytes: 'Limit (bytes)', peak_heap_bytes: 'Peak heap (bytes)',
    blocked_ms: 'Blocked (ms)', by_month: 'By month', by_day: 'By day', by_weekday_hour: 'By weekday and hour',
    rated_a: 'Rated A', rated_b: 'Rated B', rated_c: 'Rated C', rated_d: 'Rated D', rated_e: 'Rated E',
  };

  function label(key) {
    if (LABELS[key]) {
      return LABELS[key];
    }
    const words = String(key).replace(/_/g, ' ').trim();
    return words.charAt(0).toUpperCase() + words.slice(1);
  }

  function element(tag, className, text) {
    const node = document.createElement(tag);
    if (className) {
      node.className = className;
    }
    if (text !== undefined) {
      node.textContent = text;
    }
    return node;
  }

  function display(value) {
    if (value === null || value === undefined) {
      return '\u2013';
    }
    if (typeof value === 'number') {
      return Number.isInteger(value) ? integers.format(value) : decimals.format(value);
    }
    if (typeof value === 'string' && ISO_TIME.test(value)) {
      return dates.format(new Date(value));
    }
    if (typeof value === 'string' && ISO_DAY.test(value)) {
      return dates.format(new Date(value + 'T00:00:00Z'));
    }
    return String(value);
  }

  /* A value's cell or card: its text for people, its exact value in data-value (and as a tooltip when reworded). */
  function valueNode(tag, className, value) {
    const text = display(value);
    const node = element(tag, className, text);
    if (value === null || value === undefined) {
      node.dataset.null = 'true';
      node.classList.add('null');
    } else {
      node.dataset.value = String(value);
      if (typeof value === 'string' && text !== value) {
        node.title = value;
      }
    }
    return node;
  }

  function number(value) {
    return typeof value === 'number' ? value : 0;
  }

  function isNumeric(rows, column) {
    let any = false;
    for (const row of rows) {
      const value = row[column];
      if (typeof value === 'number') {
        any = true;
      } else if (value !== null && value !== undefined) {
        return false;
      }
    }
    return any;
  }

  /* Two values of a column, neither of them null. */
  function compare(a, b) {
    if (typeof a === 'number' && typeof b === 'number') {
      return a - b;
    }
    return String(a).localeCompare(String(b));
  }

  /** The report's data, read by SECTION.ITEM. */
  function reader(report) {
    return {
      item(qualified) {
        const dot = qualified.indexOf('.');
        const section = report.sections[qualified.substring(0, dot)];
        return section ? section[qualified.substring(dot + 1)] : undefined;
      },
      rows(qualified) {
        const item = this.item(qualified);
        return Array.isArray(item) ? item : null;
      },
      fields(qualified) {
        const item = this.item(qualified);
        return item && !Array.isArray(item) ? item : null;
      },
    };
  }

  /* ---- tables ---- */

  /** A sortable, paged table of the rows, under the columns given (all of the first row's by default). */
  function tableNode(qualified, rows, columns) {
    const wrap = element('div', 'table-block');
    if (rows.length === 0) {
      wrap.appendChild(element('p', 'empty', '(no rows)'));
      return wrap;
    }
    columns = columns || Object.keys(rows[0]);
    const numeric = columns.map(column => isNumeric(rows, column));
    const scroller = element('div', 'table-wrap');
    const table = element('table', 'sortable');
    table.dataset.table = qualified;
    const head = element('thead');
    const headRow = element('tr');
    const body = element('tbody');
    const pager = element('div', 'pager');
    let order = rows.slice();
    let sortedBy = -1;
    let descending = false;
    let page = 0;
    const pages = () => Math.max(1, Math.ceil(order.length / PAGE_SIZE));

    function render() {
      body.replaceChildren();
      const from = page * PAGE_SIZE;
      const to = Math.min(order.length, from + PAGE_SIZE);
      for (let r = from; r < to; r++) {
        const tr = element('tr');
        columns.forEach((column, c) => tr.appendChild(valueNode('td', numeric[c] ? 'number' : null,
          order[r][column])));
        body.appendChild(tr);
      }
      pager.replaceChildren();
      if (order.length > PAGE_SIZE) {
        const previous = element('button', 'previous', '\u2039 Previous');
        previous.disabled = page === 0;
        previous.addEventListener('click', () => { page--; render(); });
        const next = element('button', 'next', 'Next \u203a');
        next.disabled = page >= pages() - 1;
        next.addEventListener('click', () => { page++; render(); });
        pager.appendChild(previous);
        pager.appendChild(element('span', 'page-note', 'Rows ' + integers.format(from + 1) + '\u2013'
          + integers.format(to) + ' of ' + integers.format(order.length)));
        pager.appendChild(next);
      }
    }

    columns.forEach((column, c) => {
      const th = element('th', numeric[c] ? 'number' : null);
      th.setAttribute('aria-sort', 'none');
      th.dataset.column = column;
      const button = element('button', null, label(column));
      button.title = 'Sort by ' + label(column);
      button.addEventListener('click', () => {
        descending = sortedBy === c ? !descending : numeric[c];
        sortedBy = c;
        const sign = descending ? -1 : 1;
        // empty cells last whichever the direction
        order = rows.slice().sort((a, b) => {
          const aNull = a[column] === null || a[column] === undefined;
          const bNull = b[column] === null || b[column] === undefined;
          return aNull || bNull ? aNull - bNull : sign * compare(a[column], b[column]);
        });
        headRow.querySelectorAll('th').forEach(other => other.setAttribute('aria-sort', 'none'));
        th.setAttribute('aria-sort', descending ? 'descending' : 'ascending');
        page = 0;
        render();
      });
      th.appendChild(button);
      headRow.appendChild(th);
    });
    head.appendChild(headRow);
    table.appendChild(head);
    table.appendChild(body);
    scroller.appendChild(table);
    wrap.appendChild(scroller);
    wrap.appendChild(pager);
    render();
    return wrap;
  }

  /** "Show table": the rows, built when first unfolded. */
  function foldedTable(qualified, rows, columns) {
    const details = element('details', 'folded');
    const summary = element('summary', null, 'Show table');
    summary.appendChild(element('span', 'row-count', ' (' + integers.format(rows.length)
      + (rows.length === 1 ? ' row)' : ' rows)')));
    details.appendChild(summary);
    details.addEventListener('toggle', () => {
      if (details.open && details.childElementCount === 1) {
        details.appendChild(tableNode(qualified, rows, columns));
      }
    });
    return details;
  }

  function cardsNode(values, qualified) {
    const cards = element('div', 'cards');
    if (qualified) {
      cards.dataset.item = qualified;
    }
    Object.keys(values).forEach(key => {
      const card = element('div', 'card');
      card.dataset.field = key;
      card.appendChild(element('div', 'label', label(key)));
      const value = values[key];
      card.appendChild(valueNode('div', typeof value === 'number' ? 'value number' : 'value', value));
      cards.appendChild(card);
    });
    if (cards.childElementCount === 0) {
      cards.appendChild(element('p', 'empty', '(none)'));
    }
    return cards;
  }

  /* ---- chart options ---- */

  function baseOption() {
    return {
      animation: false,
      color: PALETTE,
      // tooltips as canvas text: names from the repository never become markup
      tooltip: { trigger: 'axis', renderMode: 'richText', confine: true },
      grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
    };
  }

  function dayMs(day) {
    return Date.parse(day + 'T00:00:00Z');
  }

  /** The Monday of the ISO week that holds the day. */
  function weekStart(ms) {
    const weekday = (new Date(ms).getUTCDay() + 6) % 7;
    return ms - weekday * DAY_MS;
  }

  /** Commits per month (or per week when the history is short), every period from first to last, empty ones as zero. */
  function activityOption(byMonth, byDay) {
    const option = baseOption();
    const first = byDay.length ? dayMs(byDay[0].day) : 0;
    const last = byDay.length ? dayMs(byDay[byDay.length - 1].day) : 0;
    const weekly = byDay.length > 0 && (last - first) / DAY_MS < WEEKLY_UNTIL_DAYS;
    const axis = [];
    const values = [];
    if (weekly) {
      const counts = new Map();
      byDay.forEach(row => {
        const week = weekStart(dayMs(row.day));
        counts.set(week, (counts.get(week) || 0) + row.commits);
      });
      for (let week = weekStart(first); week <= last; week += 7 * DAY_MS) {
        axis.push(new Date(week).toISOString().substring(0, 10));
        values.push(counts.get(week) || 0);
      }
    } else if (byMonth.length > 0) {
      const counts = new Map(byMonth.map(row => [row.month, row.commits]));
      let [year, month] = byMonth[0].month.split('-').map(Number);
      const [lastYear, lastMonth] = byMonth[byMonth.length - 1].month.split('-').map(Number);
      while (year < lastYear || (year === lastYear && month <= lastMonth)) {
        const key = year + '-' + String(month).padStart(2, '0');
        axis.push(key);
        values.push(counts.get(key) || 0);
        month++;
        if (month > 12) {
          month = 1;
          year++;
        }
      }
    }
    option.xAxis = { type: 'category', data: axis, axisLabel: { hideOverlap: true } };
    option.yAxis = { type: 'value', minInterval: 1 };
    option.series = [{ name: weekly ? 'Commits per week' : 'Commits per month', type: 'bar', barMaxWidth: 32,
      data: values }];
    option.dataZoom = [{ type: 'inside' }];
    return { option, caption: weekly ? 'Commits per week, whole history' : 'Commits per month, whole history' };
  }

  /** Lines added minus lines removed, summed day by day: lines of text over time from the change history. */
  function linesOverTimeOption(byDay) {
    let total = 0;
    const points = byDay.map(row => {
      total += number(row.insertions) - number(row.deletions);
      return [dayMs(row.day), total];
    });
    const option = baseOption();
    option.xAxis = { type: 'time', axisLabel: { hideOverlap: true } };
    option.yAxis = { type: 'value', axisLabel: { formatter: compactNumber } };
    option.series = [{ name: 'Lines', type: 'line', showSymbol: false, areaStyle: { opacity: 0.15 },
      data: points }];
    option.dataZoom = [{ type: 'inside' }];
    return option;
  }

  function compactNumber(value) {
    const abs = Math.abs(value);
    if (abs >= 1e6) {
      return decimals.format(value / 1e6) + 'M';
    }
    if (abs >= 1e3) {
      return decimals.format(value / 1e3) + 'k';
    }
    return decimals.format(value);
  }

  function heatmapOption(rows) {
    const option = baseOption();
    const data = rows.map(row => [row.hour, row.weekday - 1, row.commits]);
    const max = rows.reduce((m, row) => Math.max(m, row.commits), 1);
    option.tooltip = { trigger: 'item', renderMode: 'richText', confine: true,
      formatter: p => WEEKDAYS[p.value[1]] + ' ' + String(p.value[0]).padStart(2, '0') + ':00 \u2013 '
        + integers.format(p.value[2]) + ' commits' };
    option.grid.bottom = 48;
    option.xAxis = { type: 'category', data: [...Array(24).keys()].map(h => String(h).padStart(2, '0')),
      splitArea: { show: true }, axisLabel: { hideOverlap: true } };
    option.yAxis = { type: 'category', data: WEEKDAYS, inverse: true, splitArea: { show: true } };
    option.visualMap = { min: 0, max, calculable: false, orient: 'horizontal', left: 'center', bottom: 0,
      itemHeight: 120, inRange: { color: ['#f5f7fa', '#9fb3e6', '#3e4c97'] } };
    option.series = [{ name: 'Commits', type: 'heatmap', data }];
    return option;
  }

  function authorName(rows) {
    const count = new Map();
    rows.forEach(row => count.set(row.name, (count.get(row.name) || 0) + 1));
    return row => count.get(row.name) > 1 ? row.name + ' <' + row.email + '>' : String(row.name);
  }

  /** Room for one bar per label shown, and no less than a chart's usual height. */
  function barsHeight(count) {
    return Math.max(220, 64 + 26 * Math.min(count, MAX_BARS));
  }

  /** The rows with the most of the value columns together, as horizontal bars, the biggest on top. */
  function barsOption(rows, labelOf, valueColumns, names) {
    const total = row => valueColumns.reduce((sum, column) => sum + number(row[column]), 0);
    const top = rows.slice().sort((a, b) => total(b) - total(a)).slice(0, MAX_BARS);
    const option = baseOption();
    option.xAxis = { type: 'value', axisLabel: { formatter: compactNumber, hideOverlap: true } };
    option.yAxis = { type: 'category', data: top.map(labelOf), inverse: true,
      axisLabel: { width: 150, overflow: 'truncate' } };
    option.series = valueColumns.map((column, i) => ({
      name: names ? names[i] : label(column), type: 'bar', barMaxWidth: 22, data: top.map(row => row[column]),
    }));
    if (valueColumns.length > 1) {
      option.legend = { top: 0 };
    }
    return option;
  }

  /** Each author's first to last commit, as a bar on a time axis, most commits on top. */
  function activeSpanOption(authors) {
    const nameOf = authorName(authors);
    const top = authors.slice().sort((a, b) => b.commits - a.commits).slice(0, MAX_BARS)
      .filter(row => row.first_commit && row.last_commit);
    const option = baseOption();
    option.tooltip = { trigger: 'item', renderMode: 'richText', confine: true,
      formatter: p => top[p.value[0]] ? nameOf(top[p.value[0]]) + ': ' + dates.format(new Date(p.value[1]))
        + ' \u2013 ' + dates.format(new Date(p.value[2])) : '' };
    option.xAxis = { type: 'time', axisLabel: { hideOverlap: true } };
    option.yAxis = { type: 'category', data: top.map(nameOf), inverse: true,
      axisLabel: { width: 150, overflow: 'truncate' } };
    option.series = [{
      name: 'Active span', type: 'custom', encode: { x: [1, 2], y: 0 },
      data: top.map((row, i) => [i, Date.parse(row.first_commit), Date.parse(row.last_commit)]),
      renderItem: (params, api) => {
        const start = api.coord([api.value(1), api.value(0)]);
        const end = api.coord([api.value(2), api.value(0)]);
        const height = Math.min(16, api.size([0, 1])[1] * 0.6);
        return { type: 'rect', shape: { x: start[0], y: start[1] - height / 2,
          width: Math.max(3, end[0] - start[0]), height }, style: api.style() };
      },
    }];
    return option;
  }

  function authorsOverTimeOption(rows) {
    const option = baseOption();
    option.legend = { top: 0 };
    option.xAxis = { type: 'category', data: rows.map(row => row.month), axisLabel: { hideOverlap: true } };
    option.yAxis = { type: 'value', minInterval: 1 };
    option.series = [
      { name: 'Active authors', type: 'line', showSymbol: false, data: rows.map(row => row.authors) },
      { name: 'First-time authors', type: 'bar', barMaxWidth: 16, data: rows.map(row => row.new_authors) },
    ];
    option.dataZoom = [{ type: 'inside' }];
    return option;
  }

  /**
   * Paths nested into directories for a treemap: each leaf's value is [size, colour value]; a
   * directory's size is the sum of its leaves. {@code colourOf} gives each leaf's colour.
   */
  function pathTree(rows, pathColumn, sizeColumn, colourColumn, colourOf) {
    const root = { children: new Map() };
    rows.forEach(row => {
      const size = number(row[sizeColumn]);
      if (size <= 0 || typeof row[pathColumn] !== 'string') {
        return;
      }
      const parts = row[pathColumn].split('/');
      let node = root;
      parts.slice(0, -1).forEach(part => {
        if (!node.children.has(part)) {
          node.children.set(part, { name: part, children: new Map() });
        }
        node = node.children.get(part);
      });
      const leafName = parts[parts.length - 1];
      node.children.set(leafName + '\u0000' + node.children.size, { name: leafName, path: row[pathColumn],
        value: [size, row[colourColumn]], itemStyle: { color: colourOf(row[colourColumn]) } });
    });
    // a directory whose only entry is a directory is shown as one (src/main/java), not as nested strips
    const toArray = node => {
      if (!node.children) {
        return node;
      }
      let name = node.name;
      let entries = [...node.children.values()];
      while (entries.length === 1 && entries[0].children) {
        name = name + '/' + entries[0].name;
        entries = [...entries[0].children.values()];
      }
      return { name, children: entries.map(toArray), itemStyle: { color: '#e4e7eb' } };
    };
    return [...root.children.values()].map(toArray);
  }

  /** A colour between two, by where value lies from min to max. */
  function scale(min, max, from, to) {
    const a = hex(from);
    const b = hex(to);
    return value => {
      if (typeof value !== 'number' || !isFinite(value)) {
        return '#d9e2ec';
      }
      const t = max > min ? Math.min(1, Math.max(0, (value - min) / (max - min))) : 0;
      return '#' + [0, 1, 2].map(i => Math.round(a[i] + (b[i] - a[i]) * t).toString(16).padStart(2, '0')).join('');
    };
  }

  function hex(colour) {
    return [1, 3, 5].map(i => parseInt(colour.substring(i, i + 2), 16));
  }

  /** One colour for each of the most frequent texts, grey for the rest. */
  function categories(values) {
    const counts = new Map();
    values.forEach(value => counts.set(value, (counts.get(value) || 0) + 1));
    const ranked = [...counts.entries()].sort((a, b) => b[1] - a[1]).map(entry => entry[0]);
    const colours = new Map(ranked.slice(0, PALETTE.length).map((value, i) => [value, PALETTE[i]]));
    return { colourOf: value => colours.get(value) || '#bcccdc', shown: [...colours.entries()] };
  }

  function treemapOption(tree, describe) {
    const option = baseOption();
    option.tooltip = { trigger: 'item', renderMode: 'richText', confine: true,
      formatter: p => p.data && p.data.path ? p.data.path + '\n' + describe(p.data.value)
        : (p.treePathInfo || []).map(step => step.name).filter(Boolean).join('/') };
    option.series = [{
      type: 'treemap', roam: false, nodeClick: 'zoomToNode', leafDepth: null, width: '100%', height: '88%',
      top: 0, visibleMin: 80, label: { show: true, formatter: '{b}', fontSize: 11 },
      upperLabel: { show: true, height: 18, fontSize: 11, color: '#1f2933' },
      breadcrumb: { show: true, bottom: 0, height: 20 },
      levels: [
        { itemStyle: { borderColor: '#9aa5b1', borderWidth: 2, gapWidth: 2 } },
        { itemStyle: { borderColor: '#cbd2d9', borderWidth: 1, gapWidth: 1 } },
        { itemStyle: { borderColor: '#e4e7eb', borderWidth: 1, gapWidth: 1 } },
      ],
      data: tree,
    }];
    return option;
  }

  function pieOption(rows, labelColumn, valueColumn) {
    const option = baseOption();
    option.tooltip = { trigger: 'item', renderMode: 'richText', confine: true };
    option.series = [{ type: 'pie', radius: ['35%', '65%'], avoidLabelOverlap: true,
      label: { overflow: 'truncate', width: 110 },
      data: rows.map(row => ({ name: String(row[labelColumn]), value: row[valueColumn] })) }];
    return option;
  }

  /** The strongest edges, a node per file on them, sized by how many edges it has. */
  function graphOption(rows, sourceColumn, targetColumn, weightColumn) {
    const edges = rows.slice().sort((a, b) => number(b[weightColumn]) - number(a[weightColumn]))
      .slice(0, MAX_GRAPH_EDGES);
    const degree = new Map();
    edges.forEach(row => [row[sourceColumn], row[targetColumn]].forEach(node =>
      degree.set(String(node), (degree.get(String(node)) || 0) + 1)));
    const directories = categories([...degree.keys()].map(directoryOf));
    const option = baseOption();
    option.tooltip = { trigger: 'item', renderMode: 'richText', confine: true,
      formatter: p => p.dataType === 'edge' ? p.data.source + '\n' + p.data.target + '\n' + label(weightColumn)
        + ': ' + display(p.data.value) : p.data.name };
    option.series = [{
      type: 'graph', layout: 'force', roam: true, draggable: true,
      force: { repulsion: 50, edgeLength: [20, 70], gravity: 0.3 },
      label: { show: false },
      emphasis: { focus: 'adjacency', label: { show: true, formatter: p => baseName(p.data.name) } },
      data: [...degree.entries()].map(([name, count]) => ({ name, symbolSize: 6 + 3 * Math.min(count, 8),
        itemStyle: { color: directories.colourOf(directoryOf(name)) } })),
      links: edges.map(row => ({ source: String(row[sourceColumn]), target: String(row[targetColumn]),
        value: row[weightColumn], lineStyle: { width: 1 + 3 * number(row[weightColumn]) / maxOf(edges, weightColumn),
          opacity: 0.6 } })),
    }];
    return option;
  }

  function maxOf(rows, column) {
    return rows.reduce((m, row) => Math.max(m, number(row[column])), 0) || 1;
  }

  function directoryOf(path) {
    const slash = path.lastIndexOf('/');
    return slash < 0 ? '.' : path.substring(0, slash);
  }

  function baseName(path) {
    return String(path).substring(String(path).lastIndexOf('/') + 1);
  }

  /** A line per value column over the first column, in the rows' order of that column. */
  function lineOption(rows, xColumn, yColumns) {
    const ordered = rows.slice().sort((a, b) => compare(a[xColumn], b[xColumn]));
    const option = baseOption();
    option.legend = yColumns.length > 1 ? { top: 0 } : undefined;
    option.xAxis = { type: 'category', data: ordered.map(row => display(row[xColumn])),
      axisLabel: { hideOverlap: true } };
    option.yAxis = { type: 'value', axisLabel: { formatter: compactNumber } };
    option.series = yColumns.map(column => ({ name: label(column), type: 'line', showSymbol: false,
      data: ordered.map(row => row[column]) }));
    return option;
  }

  function genericHeatmapOption(rows, xColumn, yColumn, valueColumn) {
    const xs = [...new Set(rows.map(row => String(row[xColumn])))].sort();
    const ys = [...new Set(rows.map(row => String(row[yColumn])))].sort();
    const option = baseOption();
    option.tooltip = { trigger: 'item', renderMode: 'richText', confine: true };
    option.grid.bottom = 48;
    option.xAxis = { type: 'category', data: xs, axisLabel: { hideOverlap: true } };
    option.yAxis = { type: 'category', data: ys };
    option.visualMap = { min: 0, max: maxOf(rows, valueColumn), orient: 'horizontal', left: 'center', bottom: 0,
      itemHeight: 120, inRange: { color: ['#f5f7fa', '#3e4c97'] } };
    option.series = [{ type: 'heatmap', data: rows.map(row => [xs.indexOf(String(row[xColumn])),
      ys.indexOf(String(row[yColumn])), row[valueColumn]]) }];
    return option;
  }

  /* ---- views ---- */

  /**
   * A panel: a chart (its ECharts option made when first shown) or cards, its title, a note, and
   * the rows it was drawn from folded beneath it.
   */
  function panel(id, title, spec) {
    return Object.assign({ id, title }, spec);
  }

  function overview(data) {
    const panels = [];
    const totals = data.fields('commits.totals');
    const metrics = data.fields('metrics.summary');
    const debt = data.fields('metrics.debt_summary');
    const ownership = data.fields('ownership.summary');
    const figures = {};
    if (totals) {
      figures.commits = totals.commits;
      figures.authors = totals.authors;
      figures.first_commit = totals.first_commit;
      figures.last_commit = totals.last_commit;
      if (totals.first_commit && totals.last_commit) {
        figures.history_years = Math.round((Date.parse(totals.last_commit) - Date.parse(totals.first_commit))
          / (365.25 * DAY_MS) * 10) / 10;
      }
    }
    if (metrics) {
      figures.files = metrics.files;
      figures.lines_of_code = metrics.code_lines;
      figures.functions = metrics.functions;
      if (typeof metrics.duplication_ratio === 'number') {
        figures.duplicated_code = (Math.round(metrics.duplication_ratio * 1000) / 10) + ' %';
      }
    }
    if (debt) {
      figures.debt_rating = debt.rating;
    }
    if (ownership) {
      figures.bus_factor = ownership.bus_factor;
    }
    if (Object.keys(figures).length > 0) {
      panels.push(panel('key-figures', 'Key figures', { wide: true, cards: figures }));
    }
    const byMonth = data.rows('commits.by_month');
    const byDay = data.rows('commits.by_day');
    if (byMonth && byDay && byDay.length > 0) {
      const activity = activityOption(byMonth, byDay);
      panels.push(panel('activity', activity.caption, { wide: true, option: () => activity.option,
        table: ['commits.by_month', byMonth] }));
    }
    const weekdayHour = data.rows('commits.by_weekday_hour');
    if (weekdayHour && weekdayHour.length > 0) {
      panels.push(panel('weekday-hour', 'When commits are made (weekday and hour, author\u2019s clock)', {
        option: () => heatmapOption(weekdayHour), height: 300, table: ['commits.by_weekday_hour', weekdayHour] }));
    }
    if (byDay && byDay.length > 0) {
      panels.push(panel('lines-over-time', 'Lines over time (net lines added since the first commit scanned)', {
        option: () => linesOverTimeOption(byDay), height: 300, table: ['commits.by_day', byDay] }));
    }
    return panels;
  }

  function people(data) {
    const panels = [];
    const authors = data.rows('commits.authors');
    if (authors && authors.length > 0) {
      const nameOf = authorName(authors);
      panels.push(panel('authors-commits', 'Authors ranked by commits', {
        option: () => barsOption(authors, nameOf, ['commits']), height: barsHeight(authors.length),
        table: ['commits.authors', authors] }));
      panels.push(panel('authors-lines', 'Lines added and removed per author', {
        option: () => barsOption(authors, nameOf, ['insertions', 'deletions'], ['Added', 'Removed']),
        height: barsHeight(authors.length), table: ['commits.authors', authors] }));
      panels.push(panel('active-span', 'Each author\u2019s active span (first to last commit)', {
        wide: true, option: () => activeSpanOption(authors), height: barsHeight(authors.length),
        table: ['commits.authors', authors, ['name', 'email', 'commits', 'first_commit', 'last_commit']] }));
    }
    const byMonth = data.rows('commits.authors_by_month');
    if (byMonth && byMonth.length > 0) {
      panels.push(panel('authors-over-time', 'Authors over time (per month)', { wide: true,
        option: () => authorsOverTimeOption(byMonth), table: ['commits.authors_by_month', byMonth] }));
    }
    return panels;
  }

  function code(data) {
    const panels = [];
    const files = data.rows('metrics.files');
    const hotspots = data.rows('metrics.hotspots');
    const frequency = data.rows('metrics.change_frequency');
    if (files && files.length > 0 && hotspots) {
      const score = new Map(hotspots.map(row => [row.path, row.score]));
      const rows = files.map(row => ({ path: row.path, code_lines: row.code_lines,
        score: score.has(row.path) ? score.get(row.path) : null }));
      const colour = scale(0, Math.max(0.0001, ...hotspots.map(row => number(row.score))), '#fde2c8', '#b42318');
      panels.push(panel('hotspot-map', 'Hotspot map (size: lines of code; colour: hotspot score, grey: not ranked)', {
        wide: true, height: 520,
        option: () => treemapOption(pathTree(rows, 'path', 'code_lines', 'score', colour),
          value => 'Lines of code: ' + display(value[0]) + '\nHotspot score: ' + display(value[1])),
        table: ['metrics.hotspots', hotspots] }));
    }
    if (hotspots && hotspots.length > 0) {
      panels.push(panel('hotspots', 'Top hotspots (change frequency \u00d7 complexity)', {
        option: () => barsOption(hotspots, row => baseName(row.path), ['score'], ['Hotspot score']),
        height: barsHeight(hotspots.length), table: ['metrics.hotspots', hotspots] }));
    }
    if (files && files.length > 0 && frequency) {
      const age = new Map(frequency.filter(row => row.kind === 'file').map(row => [row.path, row.age_days]));
      const rows = files.map(row => ({ path: row.path, code_lines: row.code_lines,
        age_days: age.has(row.path) ? age.get(row.path) : null }));
      const oldest = Math.max(1, ...rows.map(row => number(row.age_days)));
      const colour = scale(0, oldest, '#2a9d8f', '#e4e7eb');
      panels.push(panel('code-age', 'Code age map (size: lines of code; colour: days since last change, green is recent)', {
        wide: true, height: 480,
        option: () => treemapOption(pathTree(rows, 'path', 'code_lines', 'age_days', colour),
          value => 'Lines of code: ' + display(value[0]) + '\nDays since last change: ' + display(value[1])),
        table: ['metrics.change_frequency', frequency] }));
    }
    const functions = data.rows('metrics.functions');
    if (functions && functions.length > 0) {
      const buckets = [[1, 1], [2, 2], [3, 4], [5, 7], [8, 10], [11, 20], [21, 50], [51, Infinity]];
      const counts = buckets.map(([low, high]) => functions.filter(row => row.cyclomatic >= low
        && row.cyclomatic <= high).length);
      const names = buckets.map(([low, high]) => low === high ? String(low) : high === Infinity ? low + '+'
        : low + '\u2013' + high);
      panels.push(panel('complexity', 'Complexity distribution (functions by cyclomatic complexity)', {
        option: () => {
          const option = baseOption();
          option.xAxis = { type: 'category', data: names, name: 'Cyclomatic complexity', nameLocation: 'middle',
            nameGap: 28 };
          option.grid.bottom = 28;
          option.yAxis = { type: 'value', minInterval: 1, axisLabel: { formatter: compactNumber } };
          option.series = [{ name: 'Functions', type: 'bar', barMaxWidth: 40, data: counts.map((count, i) => ({
            value: count, itemStyle: { color: scale(0, buckets.length - 1, '#8ab17d', '#b42318')(i) } })) }];
          return option;
        }, table: ['metrics.functions', functions] }));
    }
    const languages = data.rows('metrics.languages');
    if (languages && languages.length > 0) {
      panels.push(panel('languages', 'Languages (lines of code)', {
        option: () => barsOption(languages, row => String(row.language), ['code_lines', 'comment_lines'],
          ['Code', 'Comments']), height: barsHeight(languages.length), table: ['metrics.languages', languages] }));
    }
    const debt = data.fields('metrics.debt_summary');
    const debtRows = data.rows('metrics.debt');
    if (debt) {
      const ratings = ['A', 'B', 'C', 'D', 'E'];
      panels.push(panel('debt', 'Technical debt rating (files per rating, A is best)', {
        option: () => {
          const option = baseOption();
          option.xAxis = { type: 'category', data: ratings };
          option.yAxis = { type: 'value', minInterval: 1 };
          option.series = [{ name: 'Files', type: 'bar', barMaxWidth: 56, data: ratings.map(r => ({
            value: number(debt['rated_' + r.toLowerCase()]), itemStyle: { color: RATING_COLOURS[r] } })) }];
          return option;
        }, cardsBelow: debt, table: debtRows ? ['metrics.debt', debtRows] : null }));
    }
    const duplicated = data.rows('metrics.duplicated_files');
    if (duplicated && duplicated.length > 0) {
      panels.push(panel('duplication', 'Duplication (files with the most duplicated lines)', {
        option: () => barsOption(duplicated, row => baseName(row.path), ['duplicated_lines', 'lines'],
          ['Duplicated lines', 'Lines']), height: barsHeight(duplicated.length),
        table: ['metrics.duplicated_files', duplicated] }));
    }
    return panels;
  }

  /** The charts that sections declared (report.charts), drawn by kind. */
  function declared(data, report) {
    const panels = [];
    Object.entries(report.charts || {}).forEach(([section, specs]) => {
      specs.forEach((spec, index) => {
        const qualified = section + '.' + spec.table;
        const rows = data.rows(qualified);
        if (!rows || rows.length === 0) {
          return;
        }
        const c = spec.columns;
        const id = 'plugin-' + section + '-' + index;
        const legend = [];
        let option;
        let height;
        let wide = false;
        switch (spec.kind) {
          case 'bar':
            option = () => barsOption(rows, row => display(row[c[0]]), c.slice(1));
            height = barsHeight(rows.length);
            break;
          case 'line':
            option = () => lineOption(rows, c[0], c.slice(1));
            break;
          case 'pie':
            option = () => pieOption(rows, c[0], c[1]);
            break;
          case 'heatmap':
            option = () => genericHeatmapOption(rows, c[0], c[1], c[2]);
            break;
          case 'graph':
            option = () => graphOption(rows, c[0], c[1], c[2]);
            height = 520;
            wide = true;
            break;
          case 'treemap': {
            let colourOf;
            if (isNumeric(rows, c[2])) {
              colourOf = scale(0, maxOf(rows, c[2]), '#e4e7eb', '#3e4c97');
            } else {
              const groups = categories(rows.map(row => row[c[2]]));
              colourOf = groups.colourOf;
              groups.shown.forEach(entry => legend.push(entry));
            }
            option = () => treemapOption(pathTree(rows, c[0], c[1], c[2], colourOf),
              value => label(c[1]) + ': ' + display(value[0]) + '\n' + label(c[2]) + ': ' + display(value[1]));
            height = 520;
            wide = true;
            break;
          }
          default:
            return; // a kind this page does not know yet: the table is still in All data
        }
        panels.push(panel(id, spec.title, { option, height, wide, legend, section,
          table: [qualified, rows, c.filter((column, i) => c.indexOf(column) === i)] }));
      });
    });
    return panels;
  }

  /**
   * The trend of stored scans, given as the rows gstats history prints (oldest first), as charts
   * ({id, title, option}). Only scans of the whole history count: a --since or --max-count scan's
   * figures are not the repository's. The head's debt score and duplication, 0 to 100 both, get a
   * chart of their own once a scan has them (the metrics plugin's figures). gstats serve draws the
   * same charts above its dashboard.
   */
  function trendCharts(scans) {
    const whole = scans.filter(scan => scan.scope == null);
    if (whole.length === 0) {
      return [];
    }
    const at = value => whole.map(scan => [scan.started, value(scan)]);
    const option = (yAxis, series) => Object.assign(baseOption(), {
      legend: { top: 0 },
      xAxis: { type: 'time', axisLabel: { hideOverlap: true } },
      // the names over the axes, aligned inwards: centred, the left one's start is cut off
      yAxis: yAxis.map((axis, index) => Object.assign({ type: 'value', axisLabel: { formatter: compactNumber },
        nameTextStyle: { align: index === 0 ? 'left' : 'right' } }, axis)),
      series: series.map(line => Object.assign({ type: 'line' }, line)),
    });
    const charts = [{ id: 'trend', title: 'Stored scans of the whole history', option: option(
      [{ name: 'commits, complexity' }, { name: 'lines' }],
      [{ name: 'commits', data: at(scan => scan.commits) }, { name: 'complexity', data: at(scan => scan.complexity) },
        { name: 'lines', yAxisIndex: 1, data: at(scan => scan.lines) }]) }];
    if (whole.some(scan => scan.debt_score != null || scan.duplication != null)) {
      charts.push({ id: 'health', title: 'Debt and duplication at each head', option: option(
        [{ name: '0 to 100', min: 0, max: 100 }],
        [{ name: 'debt score', data: at(scan => scan.debt_score) },
          { name: 'duplication %', data: at(scan => scan.duplication == null ? null
            : Math.round(scan.duplication * 1000) / 10) }]) });
    }
    return charts;
  }

  /** The History view: from two scans of the whole history on, which make a trend; the stored rows beneath. */
  function history(scans) {
    if (!scans || scans.filter(scan => scan.scope == null).length < 2) {
      return [];
    }
    return trendCharts(scans).map((chart, index) => panel('history-' + chart.id, chart.title, { wide: true,
      option: () => chart.option, height: 300, table: index === 0 ? ['history', scans] : undefined }));
  }

  /** Every section's fields and tables, folded, and the scan's errors. */
  function allData(report) {
    const panels = [];
    Object.entries(report.sections).forEach(([sectionName, items]) => {
      panels.push(panel('data-' + sectionName, label(sectionName), { wide: true, section: sectionName,
        items: Object.entries(items) }));
    });
    return panels;
  }

  /* ---- page ---- */

  function header(report) {
    const meta = report.gstats || {};
    const block = element('header', 'summary');
    const title = element('div', 'title-row');
    const repository = String(meta.repository || '');
    const name = repository.replace(/[/\\]+$/, '').split(/[/\\]/).pop() || 'repository';
    title.appendChild(element('h1', null, name));
    title.appendChild(element('span', 'subtitle', 'gstats report'));
    block.appendChild(title);
    block.appendChild(element('p', 'repository', repository));
    const facts = element('dl', 'facts');
    [
      ['Branch', meta.branch],
      ['Head', meta.head ? meta.head.substring(0, 12) : '(no commits)'],
      ['Scanned', meta.started ? display(meta.started.replace(/\.\d+Z$/, 'Z')) : null],
      ['Scan took', typeof meta.duration_ms === 'number' ? decimals.format(meta.duration_ms / 1000) + ' s' : null],
      ['gstats', meta.version],
    ].forEach(([key, value]) => {
      const fact = element('div', 'fact');
      fact.appendChild(element('dt', null, key));
      fact.appendChild(element('dd', null, value === null || value === undefined ? '\u2013' : String(value)));
      facts.appendChild(fact);
    });
    block.appendChild(facts);
    return block;
  }

  function errorsNode(errors) {
    const block = element('section', 'errors');
    block.id = 'errors';
    block.appendChild(element('h2', null, errors.length === 1 ? '1 error' : errors.length + ' errors'));
    const list = element('ul');
    errors.forEach(error => {
      const entry = element('li');
      entry.appendChild(element('strong', null, error.plugin === null ? '\u2013' : error.plugin));
      entry.appendChild(document.createTextNode(' ' + (error.message === null ? '' : error.message)));
      list.appendChild(entry);
    });
    block.appendChild(list);
    return block;
  }

  /**
   * Draws the report into root: a header, a tab per view that has something to show, the views
   * (charts drawn when their view is first shown, so that the first view paints quickly), and
   * the errors. scans, if given, are the repository's stored scans for the History view. Returns a
   * promise that settles once the first view is painted.
   */
  function gstatsDashboard(root, report, scans) {
    const data = reader(report);
    const views = [
      { id: 'overview', title: 'Overview', panels: overview(data) },
      { id: 'people', title: 'People', panels: people(data) },
      { id: 'code', title: 'Code', panels: code(data) },
      { id: 'plugins', title: 'Plugins', panels: declared(data, report) },
      { id: 'history', title: 'History', panels: history(scans) },
      { id: 'data', title: 'All data', panels: allData(report) },
    ].filter(view => view.panels.length > 0);
    const instances = [];
    root.replaceChildren();
    root.appendChild(header(report));
    const tabs = element('nav', 'tabs');
    tabs.setAttribute('role', 'tablist');
    root.appendChild(tabs);
    if (report.errors && report.errors.length > 0) {
      const link = element('a', 'errors-link', report.errors.length === 1 ? '1 error'
        : report.errors.length + ' errors');
      link.href = '#errors';
      tabs.appendChild(link);
    }
    const shown = new Map();

    function show(view) {
      views.forEach(other => {
        const selected = other === view;
        other.tab.setAttribute('aria-selected', String(selected));
        other.node.hidden = !selected;
      });
      if (!shown.has(view.id)) {
        shown.set(view.id, true);
        // built when first shown: the first view paints without waiting for the others
        const grid = element('div', 'panels');
        view.panels.forEach(p => grid.appendChild(panelNode(p)));
        view.node.appendChild(grid);
        view.node.querySelectorAll('.chart-area').forEach(area => {
          const instance = echarts.init(area, null, { renderer: 'canvas' });
          instance.setOption(area.gstatsOption());
          instances.push(instance);
        });
      } else {
        view.node.querySelectorAll('.chart-area').forEach(area => echarts.getInstanceByDom(area).resize());
      }
      root.dataset.view = view.id;
    }

    views.forEach(view => {
      const tab = element('button', 'tab', view.title);
      tab.setAttribute('role', 'tab');
      tab.dataset.view = view.id;
      tab.addEventListener('click', () => show(view));
      tabs.insertBefore(tab, tabs.querySelector('.errors-link'));
      view.tab = tab;
      const node = element('section', 'view');
      node.dataset.view = view.id;
      node.setAttribute('role', 'tabpanel');
      node.hidden = true;
      root.appendChild(node);
      view.node = node;
    });
    if (report.errors && report.errors.length > 0) {
      root.appendChild(errorsNode(report.errors));
    }
    const meta = report.gstats || {};
    root.appendChild(element('footer', null, 'gstats ' + (meta.version || '') + ' \u00b7 charts by Apache ECharts '
      + echarts.version));
    global.addEventListener('resize', () => instances.forEach(instance => instance.resize()));
    if (views.length > 0) {
      show(views[0]);
    }
    return new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)));
  }

  function panelNode(p) {
    const figure = element('figure', p.wide ? 'panel wide' : 'panel');
    figure.dataset.panel = p.id;
    if (p.section) {
      figure.dataset.section = p.section;
    }
    figure.appendChild(element('figcaption', null, p.title));
    if (p.cards) {
      figure.appendChild(cardsNode(p.cards));
    }
    if (p.option) {
      const area = element('div', 'chart-area');
      if (p.height) {
        area.style.height = p.height + 'px';
      }
      area.gstatsOption = p.option;
      figure.appendChild(area);
    }
    if (p.legend && p.legend.length > 0) {
      const legend = element('ul', 'legend');
      p.legend.forEach(([name, colour]) => {
        const entry = element('li', null, display(name));
        const swatch = element('span', 'swatch');
        swatch.style.background = colour;
        entry.prepend(swatch);
        legend.appendChild(entry);
      });
      figure.appendChild(legend);
    }
    if (p.cardsBelow) {
      figure.appendChild(cardsNode(p.cardsBelow));
    }
    if (p.table) {
      figure.appendChild(foldedTable(p.table[0], p.table[1], p.table[2]));
    }
    if (p.items) {
      p.items.forEach(([itemName, item]) => {
        const qualified = p.section + '.' + itemName;
        const block = element('div', Array.isArray(item) ? 'item table' : 'item fields');
        block.dataset.item = qualified;
        block.appendChild(element('h3', null, label(itemName)));
        block.appendChild(Array.isArray(item) ? foldedTable(qualified, item) : cardsNode(item, qualified));
        figure.appendChild(block);
      });
      if (p.items.length === 0) {
        figure.appendChild(element('p', 'empty', '(no results)'));
      }
    }
    return figure;
  }

  global.gstatsDashboard = gstatsDashboard;
  gstatsDashboard.trendCharts = trendCharts;
}(window));
