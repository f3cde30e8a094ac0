/** "Step 2 of 3" with the names of all steps, the current one marked for screen readers. */
export function StepIndicator({ steps, current, label }: { steps: string[]; current: number; label: string }) {
  return (
    <nav aria-label={label}>
      <ol className="steps">
        {steps.map((name, index) => {
          const state = index < current ? 'done' : index === current ? 'current' : 'todo';
          return (
            <li key={name} className={`steps__item steps__item--${state}`} aria-current={index === current ? 'step' : undefined}>
              <span className="steps__number" aria-hidden="true">
                {state === 'done' ? '✓' : index + 1}
              </span>
              <span className="steps__name">{name}</span>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
