// Administration: users (add, delete, tags, password), virtual hosts (add, delete) and permissions
// (set and clear per user and vhost).
'use strict';

(function (W) {
  const h = W.h;
  const fmt = W.fmt;
  const TAGS = ['administrator', 'monitoring', 'management'];

  W.pages = W.pages || {};

  /** Tags arrive as a list (newer brokers) or a comma-separated string (older ones). */
  function tagList(tags) {
    if (Array.isArray(tags)) return tags;
    return (tags || '').split(',').map((t) => t.trim()).filter(Boolean);
  }

  W.pages.users = function () {
    const list = h('div#user-list', {}, h('p.empty', {}, 'Loading…'));
    const tagHint = 'Comma-separated: ' + TAGS.join(', ');

    const add = W.form('add-user', [
      W.field('Username', h('input#user-name', { name: 'name', required: true, autocomplete: 'off' })),
      W.field('Password', h('input#user-password', { name: 'password', type: 'password', required: true, autocomplete: 'new-password' })),
      W.field('Tags', h('input#user-tags', { name: 'tags', placeholder: 'management' }), tagHint),
    ], 'Add user', async (form) => {
      const name = form.name.value.trim();
      await W.api('PUT', W.path('users', name), { password: form.password.value, tags: form.tags.value });
      form.reset();
      W.flash('User ' + name + ' added');
      await W.refreshNow();
    });

    const editName = h('input#edit-user-name', { name: 'name', required: true, readonly: true, placeholder: 'pick a user above' });
    const edit = W.form('edit-user', [
      W.field('Username', editName),
      W.field('Tags', h('input#edit-user-tags', { name: 'tags' }), tagHint),
      W.field('New password', h('input', { name: 'password', type: 'password', autocomplete: 'new-password' }),
        'Leave empty to keep the current one'),
    ], 'Update user', async (form) => {
      const name = form.name.value;
      if (!name) throw new Error('Pick a user to edit first');
      const body = { tags: form.tags.value };
      if (form.password.value) body.password = form.password.value;
      await W.api('PUT', W.path('users', name), body);
      form.password.value = '';
      W.flash('User ' + name + ' updated');
      await W.refreshNow();
    });

    async function refresh() {
      const users = await W.get('/api/users');
      W.fill(list, W.table(['Name', 'Tags', 'Password', ''],
        users.map((u) => [
          h('strong', {}, u.name),
          h('span', {}, tagList(u.tags).map((t) => h('span.badge.tag', {}, t))),
          u.password_hash ? 'set' : 'none',
          h('div.button-row', {},
            h('button.small.secondary', {
              type: 'button',
              onclick: () => {
                edit.name.value = u.name;
                edit.tags.value = tagList(u.tags).join(',');
                edit.password.focus();
              },
            }, 'Edit'),
            u.name === W.session.user() ? null : W.confirmButton('Delete', async () => {
              await W.api('DELETE', W.path('users', u.name));
              W.flash('User ' + u.name + ' deleted');
              await W.refreshNow();
            }, 'small')),
        ]), 'No users.'));
    }

    return {
      title: 'Users',
      element: h('div#page-users', {},
        h('div.page-head', {}, h('h1', {}, 'Users')),
        W.section('All users', list),
        h('div.grid-2', {}, W.section('Add a user', add), W.section('Update a user', edit))),
      refresh,
    };
  };

  W.pages.vhosts = function () {
    const list = h('div#vhost-list', {}, h('p.empty', {}, 'Loading…'));
    const add = W.form('add-vhost', [
      W.field('Name', h('input#vhost-name', { name: 'name', required: true })),
      W.field('Description', h('input', { name: 'description' })),
    ], 'Add virtual host', async (form) => {
      const name = form.name.value.trim();
      await W.api('PUT', W.path('vhosts', name), { description: form.description.value });
      form.reset();
      W.flash('Virtual host ' + name + ' added');
      await W.refreshNow();
    });

    async function refresh() {
      const vhosts = await W.get('/api/vhosts');
      W.fill(list, W.table(['Name', 'Description', 'Ready', 'Unacked', 'Total', ''],
        vhosts.map((v) => [
          h('strong', {}, v.name),
          v.description || '',
          fmt.num(v.messages_ready),
          fmt.num(v.messages_unacknowledged),
          fmt.num(v.messages),
          W.confirmButton('Delete', async () => {
            await W.api('DELETE', W.path('vhosts', v.name));
            W.flash('Virtual host ' + v.name + ' deleted');
            await W.refreshNow();
          }, 'small'),
        ]), 'No virtual hosts.'));
    }

    return {
      title: 'Virtual hosts',
      element: h('div#page-vhosts', {},
        h('div.page-head', {}, h('h1', {}, 'Virtual hosts')),
        W.section('All virtual hosts', list),
        W.section('Add a virtual host', add)),
      refresh,
    };
  };

  W.pages.permissions = function () {
    const list = h('div#permission-list', {}, h('p.empty', {}, 'Loading…'));
    const userSelect = h('select#permission-user', { name: 'user' });
    const set = W.form('set-permission', [
      W.field('User', userSelect),
      W.field('Virtual host', W.vhostSelect('permission-vhost')),
      W.field('Configure regexp', h('input', { name: 'configure', value: '.*' })),
      W.field('Write regexp', h('input', { name: 'write', value: '.*' })),
      W.field('Read regexp', h('input', { name: 'read', value: '.*' })),
    ], 'Set permission', async (form) => {
      await W.api('PUT', W.path('permissions', form.vhost.value, form.user.value), {
        configure: form.configure.value,
        write: form.write.value,
        read: form.read.value,
      });
      W.flash('Permission set for ' + form.user.value + ' in ' + form.vhost.value);
      await W.refreshNow();
    });
    let usersLoaded = false;

    async function refresh() {
      const [permissions, users] = await Promise.all([
        W.get('/api/permissions'),
        usersLoaded ? Promise.resolve(null) : W.get('/api/users'),
      ]);
      if (users) {
        usersLoaded = true;
        W.fill(userSelect, users.map((u) => h('option', { value: u.name }, u.name)));
      }
      W.fill(list, W.table(['User', 'Virtual host', 'Configure', 'Write', 'Read', ''],
        permissions.map((p) => [
          h('strong', {}, p.user),
          p.vhost,
          h('code', {}, p.configure),
          h('code', {}, p.write),
          h('code', {}, p.read),
          W.confirmButton('Clear', async () => {
            await W.api('DELETE', W.path('permissions', p.vhost, p.user));
            W.flash('Permission of ' + p.user + ' in ' + p.vhost + ' cleared');
            await W.refreshNow();
          }, 'small'),
        ]), 'No permissions.'));
    }

    return {
      title: 'Permissions',
      element: h('div#page-permissions', {},
        h('div.page-head', {}, h('h1', {}, 'Permissions')),
        W.section('All permissions', list),
        W.section('Set a permission', set)),
      refresh,
    };
  };
})(window.W);
