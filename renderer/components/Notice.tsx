import type { ReactNode } from 'react';

/** A short confirmation or note in the page ("Settings saved."). */
export function Notice({ tone, children, testId }: { tone: 'success' | 'info' | 'warning' | 'error'; children: ReactNode; testId?: string }) {
  return (
    <div className={`alert alert--${tone}`} role={tone === 'error' ? 'alert' : 'status'} data-testid={testId}>
      {children}
    </div>
  );
}
