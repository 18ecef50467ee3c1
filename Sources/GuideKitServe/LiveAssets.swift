/// The script and style sheet that `guidekit serve` adds to the pages it serves (never to what
/// `publish` writes): diagnostics marked at their clauses, a panel listing them, the parse error of
/// a file that is not well-formed, and the page updated in place on every change.
enum LiveAssets {
  /// Served at `/_guidekit/live.js`.
  static let script = #"""
    // guidekit serve: live preview. Diagnostics at their clauses; the page follows the files.
    (() => {
      'use strict';
      const here = decodeURIComponent(location.pathname.replace(/^\//, '')) || 'index.html';
      let shown = Number(document.querySelector('meta[name="guidekit-generation"]')?.content || 0);
      let busy = false;

      function el(name, attributes, ...children) {
        const node = document.createElement(name);
        for (const [key, value] of Object.entries(attributes || {})) node.setAttribute(key, value);
        for (const child of children) node.append(child);
        return node;
      }

      function where(d) { return d.file + (d.line > 0 ? ':' + d.line : ''); }

      function mark(report) {
        document.querySelectorAll('.gk-live-marker, #gk-live-panel, #gk-live-banner').forEach((n) => n.remove());
        document.querySelectorAll('.gk-live-flagged').forEach((n) => n.classList.remove('gk-live-flagged'));
        const list = report.diagnostics;
        list.forEach((d, index) => {
          if (d.page !== here || !d.clause) return;
          const targets = document.querySelectorAll('[id="' + CSS.escape(d.clause) + '"]');
          targets.forEach((target) => {
            const tip = 'gk-live-tip-' + index;
            const marker = el('button', {
              type: 'button', class: 'gk-live-marker gk-live-' + d.severity, 'aria-describedby': tip,
              'data-clause': d.clause, 'data-rule': d.rule,
            }, d.severity === 'error' ? '✖' : d.severity === 'warning' ? '▲' : 'ℹ');
            marker.append(el('span', { role: 'tooltip', id: tip, class: 'gk-live-tip' },
              where(d) + ': ' + d.severity + ': ' + d.message + ' [' + d.rule + ']'));
            target.classList.add('gk-live-flagged');
            target.prepend(marker);
          });
        });
        const broken = list.filter((d) => d.rule === 'xml-syntax');
        if (broken.length) {
          const banner = el('div', { id: 'gk-live-banner', role: 'alert' },
            el('strong', {}, '整形式でないファイルがあります（最後に読めた内容を表示しています）'));
          for (const d of broken) banner.append(el('div', { class: 'gk-live-parse' }, where(d) + ': ' + d.message));
          document.body.prepend(banner);
        }
        const panel = el('aside', { id: 'gk-live-panel', 'aria-label': '診断', 'data-count': String(list.length) });
        const onPage = list.filter((d) => d.page === here).length;
        const summary = el('summary', {},
          list.length ? '診断 ' + list.length + ' 件' + (onPage ? '（このページ ' + onPage + ' 件）' : '') : '診断なし');
        const details = el('details', onPage ? { open: '' } : {}, summary);
        const items = el('ol', {});
        // This page's findings first, errors before warnings; otherwise in file and line order.
        const rank = (d) => (d.page === here ? 0 : 3) + (d.severity === 'error' ? 0 : d.severity === 'warning' ? 1 : 2);
        const ordered = list.map((d, i) => [d, i]).sort((a, b) => rank(a[0]) - rank(b[0]) || a[1] - b[1]).map((p) => p[0]);
        for (const d of ordered) {
          const target = d.page ? '/' + d.page + (d.clause ? '#' + encodeURIComponent(d.clause) : '') : null;
          const label = where(d) + (d.clause ? ' (' + d.clause + ')' : '');
          items.append(el('li', { class: 'gk-live-' + d.severity },
            target ? el('a', { href: target }, label) : label, ' ' + d.severity + ': ' + d.message + ' [' + d.rule + ']'));
        }
        details.append(items);
        panel.append(details);
        document.body.append(panel);
      }

      async function diagnostics() {
        const response = await fetch('/api/diagnostics.json', { cache: 'no-store' });
        if (response.ok) mark(await response.json());
      }

      async function update(generation) {
        if (generation <= shown) return;
        // The page and the diagnostics at once.
        const [response, report] = await Promise.all([
          fetch(location.pathname, { cache: 'no-store' }),
          fetch('/api/diagnostics.json', { cache: 'no-store' }).then((r) => (r.ok ? r.json() : null)),
        ]);
        if (response.ok) {
          const html = await response.text();
          const next = new DOMParser().parseFromString(html, 'text/html');
          const x = window.scrollX, y = window.scrollY;
          document.body.replaceChildren(...Array.from(next.body.childNodes).map((n) => document.adoptNode(n)));
          document.title = next.title;
          window.scrollTo(x, y);
        } else {
          document.body.prepend(el('div', { id: 'gk-live-gone', role: 'alert' }, 'このページは今のサイトにありません（' + response.status + '）'));
        }
        shown = Math.max(shown, generation);
        document.documentElement.dataset.gkGeneration = String(shown);
        if (report) mark(report);
      }

      // One update at a time; a change during an update is taken up after it.
      let wanted = 0;
      async function schedule(generation) {
        wanted = Math.max(wanted, generation);
        if (busy) return;
        busy = true;
        try {
          while (wanted > shown) {
            await update(wanted).catch((error) => {
              console.error('guidekit serve: update failed', error);
              shown = wanted;
            });
          }
        } finally {
          busy = false;
        }
      }

      document.documentElement.dataset.gkGeneration = String(shown);
      diagnostics();
      const events = new EventSource('/_guidekit/events');
      const onEvent = (event) => schedule(Number(event.data));
      events.addEventListener('hello', onEvent);
      events.addEventListener('change', onEvent);
    })();
    """#

  /// Served at `/_guidekit/live.css`.
  static let styles = """
    .gk-live-flagged { outline: 2px solid #d97706; outline-offset: 4px; }
    .gk-live-marker { position: relative; float: left; margin-left: -2.2em; width: 1.8em; height: 1.8em;
      border: 0; border-radius: 50%; font: bold 0.9rem/1.8em sans-serif; color: #fff; background: #b91c1c; cursor: help; }
    .gk-live-marker.gk-live-warning { background: #b45309; }
    .gk-live-marker.gk-live-note { background: #1d4ed8; }
    .gk-live-tip { display: none; position: absolute; left: 2.2em; top: 0; z-index: 20; width: 28em; padding: .5em .7em;
      font: 0.85rem/1.5 sans-serif; text-align: left; color: #111; background: #fff8e1; border: 1px solid #d97706;
      box-shadow: 0 2px 8px rgba(0,0,0,.2); white-space: normal; }
    .gk-live-marker:hover .gk-live-tip, .gk-live-marker:focus .gk-live-tip { display: block; }
    #gk-live-banner, #gk-live-gone { position: sticky; top: 0; z-index: 30; padding: .6em 1em;
      font: 0.9rem/1.5 sans-serif; color: #fff; background: #b91c1c; }
    #gk-live-panel { position: fixed; right: 1em; bottom: 1em; z-index: 25; max-width: 34em; max-height: 40vh; overflow: auto;
      font: 0.85rem/1.5 sans-serif; background: #fff; border: 1px solid #999; box-shadow: 0 2px 8px rgba(0,0,0,.2); }
    #gk-live-panel summary { padding: .3em .8em; cursor: pointer; font-weight: bold; }
    #gk-live-panel ol { margin: 0; padding: .3em .8em .5em 2.2em; }
    #gk-live-panel li.gk-live-error { color: #991b1b; }
    #gk-live-panel li.gk-live-warning { color: #92400e; }
    @media print { .gk-live-marker, #gk-live-panel, #gk-live-banner { display: none; } }
    """
}
