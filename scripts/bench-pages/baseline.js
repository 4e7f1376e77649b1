// The baseline: fetch the same first page <creator-inbox> asks for and write the rows with plain
// DOM. No framework, no SDK, no validation: the floor a real inbox can approach.
const time = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });
const initials = (name) => {
  const words = name.trim().split(/\s+/);
  return (words.length > 1 ? words[0][0] + words[1][0] : words[0].slice(0, 2)).toUpperCase();
};
const span = (className, text) => {
  const element = document.createElement('span');
  element.className = className;
  element.textContent = text;
  return element;
};
const response = await fetch('/api/conversations?tab=shop&filter=all', { headers: { authorization: 'Bearer bench' } });
const { conversations } = await response.json();
const list = document.querySelector('.list');
const rows = document.createDocumentFragment();
conversations.forEach((c, index) => {
  const item = document.createElement('div');
  item.setAttribute('role', 'listitem');
  const row = document.createElement('button');
  row.className = 'row';
  row.dataset.index = String(index);
  row.append(
    span('avatar', initials(c.counterpart.name)),
    span('name', c.counterpart.name),
    span('time', time.format(new Date(c.lastActivityAt))),
    span('preview', c.lastMessage ? c.lastMessage.text : ''),
    span('badge', c.unreadCount > 0 ? String(c.unreadCount) : ''),
  );
  item.append(row);
  rows.append(item);
});
list.append(rows);
