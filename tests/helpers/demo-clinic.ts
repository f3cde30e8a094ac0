import { createTenangApp, type Clock, type TenangApp, type TenangAppOptions } from '../../services/tenang-app';
import { seedDemoData } from '../../services/demo-data';
import { setUpClinic, tempVaultDir } from './vault-fixture';

export interface DemoClinic {
  app: TenangApp;
  /** The vault folder; its parent is the test's own temp folder, free for files the test writes. */
  dir: string;
  /** Locks and closes the app and removes the temp folder. */
  close(): Promise<void>;
}

/** A small demo clinic (seeded with `seed`, the admin signed in) in a temp folder, on the given clock. */
export async function openDemoClinic(options: { clock: Clock; seed: number } & Pick<TenangAppOptions, 'chooseSavePath'>): Promise<DemoClinic> {
  const folder = tempVaultDir();
  const app = createTenangApp({ vaultDir: folder.dir, clock: options.clock, ...(options.chooseSavePath ? { chooseSavePath: options.chooseSavePath } : {}) });
  await setUpClinic(app);
  await app.runAdminTask('test', (session, clock) => seedDemoData(session, clock, { size: 'small', seed: options.seed, asOf: null }));
  return {
    app,
    dir: folder.dir,
    close: async () => {
      await app.close();
      folder.cleanup();
    },
  };
}
