/*! consentry: keeps proof of SMS consent; never blocks a form */
(function (w, d) {
"use strict";
if (w.consentry) return; // pasted twice
var sent = {};
const at = (e, a) => e.getAttribute(a);
w.consentry = {version: 1, find, capture};
// No config: no key, nothing sent
var me = d.currentScript || d.querySelector("script[data-site-key]") || d.createElement("i");
var key = at(me, "data-site-key");
var url = (at(me, "data-endpoint") || "").replace(/\/+$/, "") + "/v1/capture";
// As consentry.site.classify reads "phone" and "texts"
var PHONE = /phone|mobile|sms|whatsapp|text(ing)? ?num|(^|[^a-z])(tel|cell)([^a-z]|$)/i;
// "message" only beside a number: not "a copy of my message"
var SMS = /\b(sms|text(s|ing)?|msgs?)\b|^(?=[^]*messag)(?=[^]*\b(phone|mobile|cell|number))/i;
var TRAP = /honeypot|gotcha|^hp$|website_url/i;

const all = (r, s) => Array.from(r.querySelectorAll(s));
// Off-screen or display:none: right <= 0
const shown = e => e.getBoundingClientRect().right > 0 && getComputedStyle(e).visibility != "hidden";
// Rendered text, spaces collapsed; unrendered says nothing
const text = e => shown(e) ? e.innerText.replace(/\s+/g, " ").trim() : "";
const ids = (e, a) =>
  (at(e, a) || "").split(/\s+/).map(i => i && d.getElementById(i)).filter(Boolean);
// Bot traps: hidden from people
const trap = i =>
  i.closest('.gform_validation_container,.wpforms-field-hp,[data-consentry="honeypot"]') ||
  (TRAP.test(i.name || i.id) || at(i, "aria-hidden") == "true") && !shown(i);

function phone(f) {
  var best, rank = 0;
  all(f, "input").forEach(i => {
    var r = i.matches('[data-consentry="phone"]') ? 9
      : !/^(text|tel|number)$/.test(i.type) || trap(i) || !shown(i) ? 0
      : i.type == "tel" || /\btel/.test(at(i, "autocomplete")) ? 2
      : PHONE.test([i.name, i.id, i.placeholder, at(i, "aria-label")].concat(
        Array.from(i.labels || [], l => l.innerText)).join(" ")) ? 1 : 0;
    if (r > rank) { best = i; rank = r; }
  });
  return best;
}

// A box's words: <label for>, wrapping <label>, aria-labelledby, else the nearest
// container with no other control (builders' divs and spans)
function labels(c) {
  var l = Array.from(c.labels || []);
  if (!l.length) l = ids(c, "aria-labelledby");
  for (var p = c.parentElement; !l.length && p && p.tagName != "FORM"; p = p.parentElement) {
    if (p.querySelectorAll("input:not([type=hidden]),select,textarea,button").length > 1) break;
    if (text(p)) l = [p];
  }
  return l;
}

// All a person could read about this box, in page order, each once
function disclosure(f, c) {
  var e = labels(c).concat(ids(c, "aria-describedby"), all(f, '[data-consentry="disclosure"]'));
  var hs = c.closest(".legal-consent-container"); // HubSpot: text around the box
  if (hs) e = e.concat(all(hs, ".hs-richtext"));
  e = e.filter((a, i) => e.indexOf(a) == i && !e.some(b => b != a && b.contains(a)));
  e.sort((a, b) => a.compareDocumentPosition(b) & 2 ? 1 : -1);
  return e.map(text).filter(Boolean).join("\n");
}

function find(f) {
  var p = phone(f), boxes = all(f, '[data-consentry="consent"]');
  if (!boxes.length) boxes = all(f, "input[type=checkbox]").filter(c => SMS.test(labels(c).map(text).join(" ")));
  return p && boxes.length ? {phone: p, boxes: boxes} : null;
}

function send(s) {
  // text/plain: no CORS preflight; a beacon outlives the page
  try { if (navigator.sendBeacon(url, new Blob([s], {type: "text/plain;charset=UTF-8"}))) return; } catch (e) {}
  try {
    fetch(url, {method: "POST", body: s, keepalive: true, credentials: "omit"}).catch(() => {});
  } catch (e) {}
}

function capture(f) {
  try {
    var x = key && f && f.tagName == "FORM" && find(f);
    if (!x || !x.phone.value) return;
    var hp = all(f, "input,textarea").filter(trap)[0];
    x.boxes.forEach(c => {
      var k = "checked" in c ? c.checked : at(c, "aria-checked") == "true", b = {
        site_key: key,
        phone: k ? x.phone.value : "", // unticked: no number
        disclosure_text: disclosure(f, c),
        checkbox_checked: k,
        page_url: location.href.split("#")[0],
        form_id: at(f, "id") || at(f, "name") || f.dataset.formId ||
          f.dataset.formid || "form-" + [].indexOf.call(d.forms, f),
        honeypot: hp ? hp.value : ""
      };
      var sig = JSON.stringify(b); // click + the submit it causes: once
      if (sent[sig]) return;
      sent[sig] = 1;
      b.occurred_at = new Date().toISOString();
      send(JSON.stringify(b));
    });
  } catch (e) {}
}

// Capture phase on window: before page handlers, late forms too
w.addEventListener("submit", e => capture(e.target), true);
// AJAX forms may not fire submit: a submit click counts
w.addEventListener("click", e => {
  try {
    var b = e.target.closest("button,input[type=submit],input[type=image]");
    var f = b && /^(submit|image)$/.test(b.type) && b.form;
    if (f && (f.noValidate || b.formNoValidate || !f.querySelector(":invalid"))) capture(f);
  } catch (x) {}
}, true);
})(window, document);
