// The certifier's page for a one-time attestation link (…/deemed-attendance/attest#token=…).
// The token travels in the URL fragment, which browsers never send to a server; this script reads
// it, removes it from the address bar, and sends it to the deemed-attendance API in the
// X-Attestation-Token header: GET shows the entry, POST records the decision.
(function () {
  'use strict';
  var API = '/api/v1/deemed-attendance/attestations/current';
  var HEADER = 'X-Attestation-Token';

  function $(id) { return document.getElementById(id); }

  function show(message, isProblem) {
    var status = $('status');
    status.textContent = message;
    status.className = isProblem ? 'problem' : '';
    status.hidden = false;
  }

  function tokenFromFragment() {
    var params = new URLSearchParams(window.location.hash.replace(/^#/, ''));
    return params.get('token');
  }

  // problem+json from the API: its title and detail, as the service worded them.
  function problemText(response) {
    return response.json().then(
      function (p) { return (p.title || response.status) + (p.detail ? ': ' + p.detail : ''); },
      function () { return 'HTTP ' + response.status; });
  }

  function request(method, token, body) {
    var init = { method: method, headers: { 'Accept': 'application/json' }, credentials: 'omit' };
    init.headers[HEADER] = token;
    if (body) {
      init.headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(body);
    }
    return fetch(API, init);
  }

  function render(view) {
    ['applicantDisplayName', 'title', 'description', 'organisationName', 'applicantRole']
      .forEach(function (field) { $(field).textContent = view[field]; });
    $('period').textContent = view.periodFrom + ' – ' + view.periodTo;
    $('status').hidden = true;
    $('entry').hidden = false;
  }

  function decide(token, decision) {
    var comment = $('comment').value.trim();
    var body = { decision: decision };
    if (comment) { body.comment = comment; }
    return request('POST', token, body).then(function (response) {
      if (!response.ok) {
        return problemText(response).then(function (text) { show(text, true); });
      }
      return response.json().then(function (outcome) {
        $('entry').hidden = true;
        $('status').hidden = true;
        $('outcome').textContent = outcome.decision === 'CONFIRMED'
          ? '確認しました。ご協力ありがとうございました。 / Confirmed. Thank you.'
          : '否認しました。申請者に伝えられます。 / Declined. The applicant will be told.';
        $('done').hidden = false;
      });
    });
  }

  var token = tokenFromFragment();
  if (window.history && window.history.replaceState) {
    window.history.replaceState(null, '', window.location.pathname);
  }
  if (!token) {
    show('リンクにトークンがありません。メールのリンクをそのまま開いてください。 / The link has no token: open the link from the message as it is.', true);
    return;
  }
  request('GET', token).then(function (response) {
    if (!response.ok) {
      return problemText(response).then(function (text) { show(text, true); });
    }
    return response.json().then(render);
  }).catch(function () { show('通信できませんでした。 / The service could not be reached.', true); });

  $('decision').addEventListener('submit', function (event) {
    event.preventDefault();
    var decision = event.submitter ? event.submitter.value : 'CONFIRMED';
    decide(token, decision).catch(function () {
      show('通信できませんでした。 / The service could not be reached.', true);
    });
  });
})();
