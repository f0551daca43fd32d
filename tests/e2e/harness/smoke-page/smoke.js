/* global window, document */
// The harness's smoke page: a stand-in renderer that uses only window.copydesk, as the real one
// must. It subscribes to every event, says window.ready, then shows settings.get and
// workspace.list in the page.

const api = window.copydesk;
const status = document.getElementById('status');

function show(id, text) {
  const element = document.getElementById(id);
  element.textContent = text;
  element.removeAttribute('aria-busy');
}

async function start() {
  if (typeof api !== 'object' || api === null) {
    status.textContent = 'no API';
    return;
  }
  for (const name of Object.keys(api.on)) {
    api.on[name]((payload) => {
      const item = document.createElement('li');
      item.dataset.event = name;
      item.textContent = `${name} ${JSON.stringify(payload)}`;
      document.getElementById('events').append(item);
    });
  }
  await api.window.ready();
  const settings = await api.settings.get();
  show('settings', JSON.stringify(settings));
  const drafts = await api.workspace.list();
  const list = document.getElementById('drafts');
  for (const draft of drafts) {
    const item = document.createElement('li');
    item.dataset.name = draft.name;
    item.textContent = `${draft.name}: ${draft.headline} (${String(draft.words)} words)`;
    list.append(item);
  }
  list.removeAttribute('aria-busy');
  status.textContent = 'ready';
}

start().catch((error) => {
  status.textContent = `error: ${error.message}`;
});
