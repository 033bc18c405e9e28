import 'survey-core/survey-core.fontless.min.css';
import './filling.css';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Survey } from 'survey-react-ui';
import { api } from '../lib/api';
import { formatDate, responseStateLabel } from '../lib/labels';
import { useSession } from '../lib/session';
import { useApi } from '../lib/useApi';
import { Link } from '../components/Link';
import { ErrorAlert, Loading } from '../components/Status';
import { ANSWER_WRAPPER } from './AnswerFooter';
import { FillingContext, type Filling } from './context';
import { useLive } from './live';
import { Saver } from './saver';
import { Sections } from './Sections';
import { StatusBar } from './StatusBar';
import { FillingStore, useStore } from './store';
import { buildSurvey, isAnswerable } from './survey';
import type { LiveEvent, ResponseView } from './types';
import { OpenQueries } from './OpenQueries';
import { ValidationPanel } from './ValidationPanel';
import type { QuestionnaireDefinition } from '../../domain/questionnaire/types';

interface Loaded { view: ResponseView; definition: QuestionnaireDefinition }

/** `/reponses/:id`: a response filled together, live. */
export default function FillingPage({ id }: { id: string }) {
  const { me } = useSession();
  const [reload, setReload] = useState(0);
  const userId = me?.user?.id ?? null;
  const loaded = useApi(userId === null ? null : `${id}-${userId}-${reload}`, async (signal) => {
    const [view, definition] = await Promise.all([
      api.get(`/responses/${encodeURIComponent(id)}`, undefined, signal),
      api.get(`/responses/${encodeURIComponent(id)}/questionnaire`, undefined, signal),
    ]);
    return { view, definition };
  });
  const title = loaded.status === 'ok' ? `Questionnaire ${loaded.data.view.response.year}` : 'Questionnaire';
  return (
    <>
      <nav aria-label="Fil d’Ariane" className="breadcrumb">
        <ol>
          <li><Link to="/">Accueil</Link></li>
          {loaded.status === 'ok' && <li><Link to={`/structures/${loaded.data.view.response.structureId}`}>{loaded.data.view.response.structureName}</Link></li>}
          <li aria-current="page">{title}</li>
        </ol>
      </nav>
      {me && !me.user && (
        <>
          <h1>Questionnaire</h1>
          <p><Link to={`/connexion?retour=${encodeURIComponent(`/reponses/${id}`)}`}>Connectez-vous</Link> pour remplir ou consulter ce questionnaire.</p>
        </>
      )}
      {me?.user && loaded.status === 'loading' && <><h1>Questionnaire</h1><Loading what="Chargement du questionnaire…" /></>}
      {loaded.status === 'error' && <><h1>Questionnaire</h1><ErrorAlert error={loaded.error} /></>}
      {me?.user && loaded.status === 'ok' && (
        <FillingForm key={`${loaded.data.view.response.id}-${loaded.data.view.can.fill}`} data={loaded.data}
          me={{ id: me.user.id, name: me.user.name }} onReload={() => setReload((n) => n + 1)} />
      )}
    </>
  );
}

function FillingForm({ data, me, onReload }: { data: Loaded; me: { id: number; name: string }; onReload: () => void }) {
  const { view, definition } = data;
  const responseId = view.response.id;
  const readOnly = !view.can.fill;
  const remote = useRef(false);

  const filling = useMemo<Filling>(() => {
    const values = Object.fromEntries(view.answers.map((a) => [a.code, a.value]));
    const survey = buildSurvey(definition, values, readOnly, { previous: view.previous ?? {}, external: view.external ?? {} });
    survey.onElementWrapperComponentName.add((_, o: { wrapperName: string; componentName: string }) => {
      if (o.wrapperName === 'content-component') o.componentName = ANSWER_WRAPPER;
    });
    const store = new FillingStore();
    store.answers = new Map(view.answers.map((a) => [a.code, {
      code: a.code, value: a.value, version: a.version, author: a.authorName, at: a.updatedAt, prefilled: a.prefilled,
    }]));
    store.presence = view.presence;
    const applyToForm = (code: string, value: unknown) => {
      remote.current = true;
      try {
        if (value === null || value === undefined) survey.clearValue(code); else survey.setValue(code, value);
      } finally {
        remote.current = false;
      }
    };
    const saver = new Saver(store, responseId, me, applyToForm);
    const reloadComments = () => {
      api.get(`/responses/${responseId}/comments`).then((r) => store.setComments(r.items), () => { /* kept as is */ });
    };
    const reloadQueries = () => {
      api.get(`/responses/${responseId}/queries`).then((r) => store.setQueries(r.items), () => { /* kept as is */ });
    };
    return { responseId, survey, store, saver, readOnly, me, reloadComments, reloadQueries };
    // One model per loaded response; a reload builds a new one.
  }, [data]);
  const { survey, store, saver } = filling;
  // A response not started yet becomes one in progress with its first saved answer (here or by a
  // colleague, live): the director may then transmit it without reloading the page.
  const started = useStore(store, (s) => [...s.answers.values()].some((a) => !a.prefilled));
  const canSubmit = view.can.submit || (Boolean(view.can.submitOnceStarted) && started);
  const [section, setSection] = useState<string | null>(survey.currentPage?.name ?? null);

  useEffect(() => {
    const onChange = (_: unknown, o: { name: string; value: unknown }) => {
      store.bumpForm();
      if (remote.current || readOnly) return;
      const q = survey.getQuestionByName(o.name);
      if (!q || !isAnswerable(q)) return;
      saver.edit(o.name, o.value);
    };
    const onPage = () => setSection(survey.currentPage?.name ?? null);
    survey.onValueChanged.add(onChange);
    survey.onCurrentPageChanged.add(onPage);
    if (!readOnly) {
      // Edits made offline during an earlier visit go back into the form, then to the server.
      remote.current = true;
      try {
        for (const e of saver.restore()) {
          if (e.value === null || e.value === undefined) survey.clearValue(e.code); else survey.setValue(e.code, e.value);
        }
      } finally {
        remote.current = false;
      }
      saver.start();
    }
    filling.reloadComments();
    filling.reloadQueries();
    return () => {
      survey.onValueChanged.remove(onChange);
      survey.onCurrentPageChanged.remove(onPage);
      saver.stop();
    };
  }, [filling, survey, store, saver, readOnly]);

  const catchUp = useCallback(() => {
    api.get(`/responses/${responseId}`).then((v) => {
      if (v.can.fill !== view.can.fill || v.response.state !== view.response.state) { onReload(); return; }
      for (const a of v.answers) {
        const known = store.answers.get(a.code);
        if (known && known.version >= a.version) continue;
        store.setAnswer({ code: a.code, value: a.value, version: a.version, author: a.authorName, at: a.updatedAt, prefilled: a.prefilled });
        if (!saver.hasPending(a.code)) {
          remote.current = true;
          try { survey.setValue(a.code, a.value); } finally { remote.current = false; }
        }
      }
      store.setPresence(v.presence);
    }, () => { /* still offline: the next reconnection tries again */ });
    filling.reloadComments();
  }, [responseId, view, store, saver, survey, filling, onReload]);

  const onEvent = useCallback((e: LiveEvent) => {
    if (e.type === 'presence') store.setPresence(e.people);
    else if (e.type === 'comment') filling.reloadComments();
    else if (e.type === 'state') onReload();
    else if (e.type === 'answer') {
      const known = store.answers.get(e.code);
      if (known && known.version >= e.version) return;
      store.setAnswer({ code: e.code, value: e.value, version: e.version, author: e.author, at: e.at, prefilled: false });
      // Someone else's answer goes into the form unless this person is changing the same one: then
      // their save will be refused as stale and they choose (never overwritten under their fingers).
      if (!saver.hasPending(e.code)) {
        remote.current = true;
        try {
          if (e.value === null || e.value === undefined) survey.clearValue(e.code); else survey.setValue(e.code, e.value);
        } finally {
          remote.current = false;
        }
      }
    }
  }, [store, saver, survey, filling, onReload]);

  useLive(responseId, section, { onEvent, onPresence: (people) => store.setPresence(people), onReconnect: catchUp });

  const goToSection = (name: string) => {
    const page = survey.getPageByName(name);
    if (!page) return;
    survey.currentPage = page;
    // Focus the section's heading so keyboard and screen reader users land at its start.
    requestAnimationFrame(() => {
      const h = document.querySelector<HTMLElement>('.filling-survey .sd-page__title');
      if (h) { h.tabIndex = -1; h.focus(); }
    });
  };
  const goToQuestion = (code: string) => { survey.focusQuestion(code); };

  const r = view.response;
  return (
    <FillingContext.Provider value={filling}>
      <p className="eyebrow">Questionnaire {r.year}</p>
      <h1>{r.structureName}</h1>
      <p className="lead">
        <span className={`badge badge-${r.state}`}>{responseStateLabel(r.state)}</span>
        {' '}· Chaque réponse s’enregistre dès que vous la saisissez.
      </p>
      {readOnly && (
        <div className="panel panel-note" role="note">
          {r.state === 'submitted' || r.state === 'validated' || r.state === 'locked'
            ? <p>Réponse transmise{r.submittedAt ? ` le ${formatDate(r.submittedAt)}` : ''} : elle n’est plus modifiable par la structure. Vous pouvez la consulter et la commenter.</p>
            : <p>Vous pouvez consulter et commenter cette réponse, mais pas la modifier.</p>}
        </div>
      )}
      {view.reopened && (
        <div className="panel panel-note" role="note">
          <p><strong>Réponse rouverte le {formatDate(view.reopened.at)}{view.reopened.by ? ` par ${view.reopened.by}` : ''}</strong> : « {view.reopened.reason} »</p>
        </div>
      )}
      <OpenQueries onGoTo={goToQuestion} />
      <StatusBar onGoTo={goToQuestion} />
      <div className="filling-layout">
        <Sections current={section} onGo={goToSection} />
        <div className="filling-survey">
          <Survey model={survey} />
        </div>
      </div>
      <ValidationPanel canSubmit={canSubmit} onSubmitted={onReload} onGoTo={goToQuestion} />
    </FillingContext.Provider>
  );
}
