/**
 * A small application menu. Packaged builds get no reload and no DevTools entries (a
 * reload would throw away unsaved work; DevTools are off in production). "Lock now" is
 * always there, with the same effect as the Lock button.
 */
import { Menu, type MenuItemConstructorOptions } from 'electron';

export function buildMenu(options: { isPackaged: boolean; isMac: boolean; lockNow: () => void }): Menu {
  const { isPackaged, isMac, lockNow } = options;
  const lockItem: MenuItemConstructorOptions = { label: 'Lock now', accelerator: 'CmdOrCtrl+L', click: lockNow };

  const template: MenuItemConstructorOptions[] = [
    ...(isMac
      ? [
          {
            label: 'Tenang',
            submenu: [
              { role: 'about' },
              { type: 'separator' },
              lockItem,
              { type: 'separator' },
              { role: 'hide' },
              { role: 'hideOthers' },
              { role: 'unhide' },
              { type: 'separator' },
              { role: 'quit' },
            ],
          } satisfies MenuItemConstructorOptions,
        ]
      : [{ label: 'File', submenu: [lockItem, { type: 'separator' }, { role: 'quit' }] } satisfies MenuItemConstructorOptions]),
    // Cut/copy/paste/select-all shortcuts need the Edit roles (on macOS they do not work without them).
    {
      label: 'Edit',
      submenu: [
        { role: 'undo' },
        { role: 'redo' },
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'selectAll' },
      ],
    },
    {
      label: 'View',
      submenu: [
        ...(isPackaged
          ? []
          : ([{ role: 'reload' }, { role: 'forceReload' }, { role: 'toggleDevTools' }, { type: 'separator' }] satisfies MenuItemConstructorOptions[])),
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    { label: 'Window', submenu: [{ role: 'minimize' }, ...(isMac ? [{ role: 'zoom' } as const] : []), { role: 'close' }] },
  ];
  return Menu.buildFromTemplate(template);
}
