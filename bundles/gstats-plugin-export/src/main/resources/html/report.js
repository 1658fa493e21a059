/*
 * gstats HTML report: draws the report data embedded in this page (the JSON report) as a
 * summary, one block per section with its fields as cards and its tables as sortable tables,
 * and charts for the tables named in CHARTS. Everything from the data goes into the page as
 * text, never as markup.
 */
(function () {
  'use strict';

  const data = JSON.parse(document.getElementById('gstats-data').textContent);
  const ROW_LIMIT = 1000;
  const MAX_BARS = 20;
  const integers = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
  const decimals = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });
  const charts = [];

  /*
   * Charts drawn above a table, by SECTION.TABLE: each entry gives a title, the ECharts option
   * for the table's rows and, if it is not the usual 320 pixels, the chart's height. To chart
   * another table, add an entry.
   */
  const CHARTS = {
    'commits.by_month': [
      { title: 'Commit activity over time', option: rows => activityOverTime(rows, 'month', 'commits') },
    ],
    'commits.authors': [
      { title: 'Commits per author', option: rows => authorBars(rows, ['commits']), height: barsHeight },
      {
        title: 'Lines added and removed per author',
        option: rows => authorBars(rows, ['insertions', 'deletions']),
        height: barsHeight,
      },
    ],
  };

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
    return String(value);
  }

  /* A value's cell or card: its text for people, its exact value in data-value. */
  function valueNode(tag, className, value) {
    const node = element(tag, className, display(value));
    if (value === null) {
      node.dataset.null = 'true';
      node.classList.add('null');
    } else {
      node.dataset.value = String(value);
    }
    return node;
  }

  function summary(header) {
    const block = element('header', 'summary');
    const title = element('h1', null, 'gstats report');
    block.appendChild(title);
    block.appendChild(element('p', 'repository', header.repository || ''));
    const facts = element('dl', 'facts');
    const seconds = header.duration_ms / 1000;
    [
      ['branch', header.branch],
      ['head', header.head === null ? '(no commits)' : header.head.substring(0, 12)],
      ['scanned at', header.started],
      ['duration', decimals.format(seconds) + ' s'],
      ['gstats', header.version],
    ].forEach(([label, value]) => {
      const fact = element('div', 'fact');
      fact.appendChild(element('dt', null, label));
      fact.appendChild(element('dd', null, value === null || value === undefined ? '\u2013' : String(value)));
      facts.appendChild(fact);
    });
    block.appendChild(facts);
    return block;
  }

  function navigation(sections) {
    const nav = element('nav', 'sections');
    Object.keys(sections).forEach((name, index) => {
      const link = element('a', null, name);
      link.href = '#section-' + index;
      nav.appendChild(link);
    });
    if (data.errors.length > 0) {
      const link = element('a', 'errors-link', data.errors.length === 1 ? '1 error' : data.errors.length + ' errors');
      link.href = '#errors';
      nav.appendChild(link);
    }
    return nav;
  }

  function fieldsBlock(sectionName, itemName, values) {
    const block = element('div', 'item fields');
    block.dataset.item = sectionName + '.' + itemName;
    block.appendChild(element('h3', null, itemName));
    const cards = element('div', 'cards');
    Object.keys(values).forEach(key => {
      const card = element('div', 'card');
      card.dataset.field = key;
      card.appendChild(element('div', 'label', key));
      const value = values[key];
      card.appendChild(valueNode('div', typeof value === 'number' ? 'value number' : 'value', value));
      cards.appendChild(card);
    });
    if (cards.childElementCount === 0) {
      cards.appendChild(element('p', 'empty', '(none)'));
    }
    block.appendChild(cards);
    return block;
  }

  function columnsOf(rows) {
    return rows.length === 0 ? [] : Object.keys(rows[0]);
  }

  function isNumeric(rows, column) {
    let any = false;
    for (const row of rows) {
      const value = row[column];
      if (typeof value === 'number') {
        any = true;
      } else if (value !== null) {
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

  function tableBlock(sectionName, itemName, rows) {
    const qualified = sectionName + '.' + itemName;
    const block = element('div', 'item table');
    block.dataset.item = qualified;
    block.appendChild(element('h3', null, itemName));
    (CHARTS[qualified] || []).forEach(chart => block.appendChild(chartBlock(chart, rows)));

    const columns = columnsOf(rows);
    if (rows.length === 0) {
      block.appendChild(element('p', 'empty', '(no rows)'));
      return block;
    }
    const numeric = columns.map(column => isNumeric(rows, column));
    const wrap = element('div', 'table-wrap');
    const table = element('table', 'sortable');
    table.dataset.table = qualified;
    const head = element('thead');
    const headRow = element('tr');
    const body = element('tbody');
    const note = element('p', 'rows-note');
    let order = rows.slice();
    let sortedBy = -1;
    let descending = false;
    let limit = ROW_LIMIT;

    function render() {
      body.replaceChildren();
      const shown = Math.min(limit, order.length);
      for (let r = 0; r < shown; r++) {
        const tr = element('tr');
        columns.forEach((column, c) => tr.appendChild(valueNode('td', numeric[c] ? 'number' : null, order[r][column])));
        body.appendChild(tr);
      }
      note.replaceChildren();
      if (shown < order.length) {
        note.appendChild(document.createTextNode('Showing ' + integers.format(shown) + ' of '
          + integers.format(order.length) + ' rows (sorting uses all of them). '));
        const all = element('button', null, 'Show all rows');
        all.addEventListener('click', () => {
          limit = Infinity;
          render();
        });
        note.appendChild(all);
      }
    }

    columns.forEach((column, c) => {
      const th = element('th', numeric[c] ? 'number' : null);
      th.setAttribute('aria-sort', 'none');
      const button = element('button', null, column);
      button.title = 'sort by ' + column;
      button.addEventListener('click', () => {
        descending = sortedBy === c ? !descending : numeric[c];
        sortedBy = c;
        const sign = descending ? -1 : 1;
        // empty cells last whichever the direction
        order = rows.slice().sort((a, b) => {
          const aNull = a[column] === null;
          const bNull = b[column] === null;
          return aNull || bNull ? aNull - bNull : sign * compare(a[column], b[column]);
        });
        headRow.querySelectorAll('th').forEach(other => other.setAttribute('aria-sort', 'none'));
        th.setAttribute('aria-sort', descending ? 'descending' : 'ascending');
        render();
      });
      th.appendChild(button);
      headRow.appendChild(th);
    });
    head.appendChild(headRow);
    table.appendChild(head);
    table.appendChild(body);
    wrap.appendChild(table);
    block.appendChild(wrap);
    block.appendChild(note);
    render();
    return block;
  }

  function chartBlock(chart, rows) {
    const figure = element('figure', 'chart');
    figure.appendChild(element('figcaption', null, chart.title));
    const canvas = element('div', 'chart-area');
    if (chart.height) {
      canvas.style.height = chart.height(rows) + 'px';
    }
    figure.appendChild(canvas);
    // drawn once the page is laid out, so that the chart knows its width
    charts.push({ node: canvas, option: chart.option(rows) });
    return figure;
  }

  /* Months from first to last, with the months without commits as zero. */
  function activityOverTime(rows, monthColumn, valueColumn) {
    const counts = new Map(rows.map(row => [row[monthColumn], row[valueColumn]]));
    const months = rows.map(row => row[monthColumn]).sort();
    const axis = [];
    if (months.length > 0) {
      let [year, month] = months[0].split('-').map(Number);
      const [lastYear, lastMonth] = months[months.length - 1].split('-').map(Number);
      while (year < lastYear || (year === lastYear && month <= lastMonth)) {
        axis.push(year + '-' + String(month).padStart(2, '0'));
        month++;
        if (month > 12) {
          month = 1;
          year++;
        }
      }
    }
    const option = baseOption();
    option.xAxis = { type: 'category', data: axis };
    option.yAxis = { type: 'value', minInterval: 1 };
    option.series = [{ name: valueColumn, type: 'bar', barMaxWidth: 48, data: axis.map(m => counts.get(m) || 0) }];
    if (axis.length > 36) {
      option.dataZoom = [{ type: 'slider', startValue: axis.length - 36 }, { type: 'inside' }];
      option.grid.bottom = 60;
    }
    return option;
  }

  /* Room for one bar per author shown, within reason. */
  function barsHeight(rows) {
    return 80 + 32 * Math.max(2, Math.min(rows.length, MAX_BARS));
  }

  /* The authors with the most of the columns together, as horizontal bars, the biggest on top. */
  function authorBars(rows, valueColumns) {
    const total = row => valueColumns.reduce((sum, column) => sum + (row[column] || 0), 0);
    const top = rows.slice().sort((a, b) => total(b) - total(a)).slice(0, MAX_BARS);
    const nameCount = new Map();
    rows.forEach(row => nameCount.set(row.name, (nameCount.get(row.name) || 0) + 1));
    const labels = top.map(row => nameCount.get(row.name) > 1 ? row.name + ' <' + row.email + '>' : String(row.name));
    const option = baseOption();
    option.grid.left = 160;
    option.xAxis = { type: 'value', minInterval: 1 };
    option.yAxis = { type: 'category', data: labels, inverse: true, axisLabel: { width: 150, overflow: 'truncate' } };
    option.series = valueColumns.map(column => ({
      name: column, type: 'bar', barMaxWidth: 32, data: top.map(row => row[column]),
    }));
    if (valueColumns.length > 1) {
      option.legend = { top: 0 };
    }
    return option;
  }

  function baseOption() {
    return {
      animation: false,
      // tooltips as canvas text: names from the repository never become markup
      tooltip: { trigger: 'axis', renderMode: 'richText' },
      grid: { left: 60, right: 24, top: 32, bottom: 32, containLabel: false },
    };
  }

  function errorsBlock(errors) {
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

  const report = document.getElementById('report');
  report.appendChild(summary(data.gstats));
  report.appendChild(navigation(data.sections));
  Object.entries(data.sections).forEach(([sectionName, items], index) => {
    const section = element('section', 'section');
    section.id = 'section-' + index;
    section.dataset.section = sectionName;
    section.appendChild(element('h2', null, sectionName));
    const names = Object.keys(items);
    if (names.length === 0) {
      section.appendChild(element('p', 'empty', '(no results)'));
    }
    names.forEach(itemName => {
      const item = items[itemName];
      section.appendChild(Array.isArray(item)
        ? tableBlock(sectionName, itemName, item)
        : fieldsBlock(sectionName, itemName, item));
    });
    report.appendChild(section);
  });
  if (data.errors.length > 0) {
    report.appendChild(errorsBlock(data.errors));
  }
  const footer = element('footer', null, 'gstats ' + (data.gstats.version || '') + ' \u00b7 charts by Apache ECharts '
    + echarts.version);
  report.appendChild(footer);

  const drawn = charts.map(chart => {
    const instance = echarts.init(chart.node, null, { renderer: 'canvas' });
    instance.setOption(chart.option);
    return instance;
  });
  window.addEventListener('resize', () => drawn.forEach(instance => instance.resize()));
  document.body.dataset.rendered = 'true';
}());
