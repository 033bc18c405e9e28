import { useEffect, useState } from 'react';
import { jobPage, myRunningJobs, runningJobText, type FollowedJob } from '../lib/jobs';
import { useLocation } from '../lib/router';
import { useSession } from '../lib/session';
import { Link } from './Link';

/** Between two reads of one's running jobs, while there is one. */
const POLL_MS = 3000;

/**
 * On every page, the jobs the signed-in person asked for that still run (an import, a publication), each with
 * a link to the page that follows it: leaving that page during a long job does not lose it. Read at each
 * navigation, then every 3 s while one runs; nothing shown (and nothing read again) once none runs. Only the
 * national administration starts jobs today, so only its members read the list.
 */
export function RunningJobs() {
  const { me } = useSession();
  const { path } = useLocation();
  const starts = Boolean(me?.memberships.some((m) => m.role === 'national_admin'));
  const [jobs, setJobs] = useState<FollowedJob[]>([]);
  useEffect(() => {
    if (!starts) { setJobs([]); return; }
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const read = () => myRunningJobs(controller.signal).then((running) => {
      if (controller.signal.aborted) return;
      setJobs(running);
      if (running.length) timer = setTimeout(read, POLL_MS);
    }, () => undefined);
    void read();
    return () => { controller.abort(); clearTimeout(timer); };
  }, [starts, path]);
  // The page that follows a job shows its progress itself.
  const elsewhere = jobs.filter((j) => jobPage(j) !== path);
  if (!elsewhere.length) return null;
  return (
    <div className="running-jobs" role="status">
      <ul className="container">
        {elsewhere.map((j) => {
          const to = jobPage(j);
          return <li key={j.id}>{runningJobText(j)}{to && <> — <Link to={to}>suivre l’avancement</Link></>}</li>;
        })}
      </ul>
    </div>
  );
}
