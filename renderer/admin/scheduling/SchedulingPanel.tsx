import '../../styles/scheduling.css';
import { CounsellorHoursSection } from './CounsellorHoursSection';
import { HolidaysSection } from './HolidaysSection';
import { RoomsSection } from './RoomsSection';

/** Rooms, clinic holidays, and each counsellor's working hours and leave. */
export function SchedulingPanel() {
  return (
    <>
      <RoomsSection />
      <CounsellorHoursSection />
      <HolidaysSection />
    </>
  );
}
