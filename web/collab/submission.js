// Pieces of a submission shared by "my submissions" and the review queue: its status,
// its author, and what reviewers said.

import { el } from '../lib/dom.js';
import { formatDate, t } from '../lib/page-language.js';

export const personName = (person) => person?.displayName || person?.username || t('collab.someone');

export function statusBadge(submission) {
  const key = submission.status === 'published' && submission.pendingRevision
    ? 'status.published_pending' : `status.${submission.status}`;
  return el('span', { class: `collab-badge collab-status-${submission.status}`, 'data-status': submission.status }, t(key));
}

/** The reviews, newest last, as a list; null when there are none. */
export function reviewsList(reviews = [], headingLevel = 'h4') {
  if (!reviews.length) return null;
  return [
    el(headingLevel, { class: 'collab-subheading' }, t('reviews.heading')),
    el('ul', { class: 'collab-reviews', role: 'list' }, reviews.map((review) => el('li', { class: 'collab-review', 'data-verdict': review.verdict },
      el('p', { class: 'collab-meta' },
        el('strong', { dir: 'auto' }, personName(review.reviewer)), ' · ',
        t(`verdict.${review.verdict}`), ' · ',
        t('submission.revision', { n: review.revision ?? 1 }),
        review.createdAt ? [' · ', el('time', { datetime: review.createdAt }, formatDate(review.createdAt))] : null),
      review.comment ? el('p', { class: 'collab-comment', dir: 'auto' }, review.comment) : null))),
  ];
}
