import { forwardRef, useMemo, type SelectHTMLAttributes } from 'react';
import { timeZoneChoices } from '../../shared/settings';

/** Every IANA zone this runtime knows, Indonesia's three first. */
export const TimeZoneSelect = forwardRef<HTMLSelectElement, SelectHTMLAttributes<HTMLSelectElement>>(function TimeZoneSelect(props, ref) {
  const zones = useMemo(() => timeZoneChoices(), []);
  return (
    <select ref={ref} {...props}>
      {zones.map((zone) => (
        <option key={zone} value={zone}>
          {zone.replaceAll('_', ' ')}
        </option>
      ))}
    </select>
  );
});
