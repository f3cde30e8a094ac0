export * from './channels';
export * from './schemas';
