// Eta templates. <%= %> escapes (the default for every value); <%~ %> writes raw and is used only for the
// output of other templates, the html block, and values escaped for their context (CSS, script JSON).
// Every attribute value is double-quoted.

export const DOCUMENT = `<!doctype html>
<html lang="<%= it.lang %>">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title><%= it.title %></title>
<% if (it.description) { %><meta name="description" content="<%= it.description %>">
<% } %>
<% if (it.canonical) { %><link rel="canonical" href="<%= it.canonical %>">
<% } %>
<% if (it.noindex) { %><meta name="robots" content="noindex, nofollow">
<% } %>
<% it.meta.forEach(function (m) { %><meta property="<%= m.property %>" content="<%= m.content %>">
<% }) %>
<style><%~ it.css %></style>
<% it.scripts.forEach(function (src) { %><script src="<%= src %>" defer></script>
<% }) %>
</head>
<body class="<%= it.bodyClass %>">
<% if (it.banner) { %><div class="promote-staging-banner"><span role="status"><%= it.banner %></span>
<% if (it.approval) { %><details class="promote-approve"><summary>Approve this version</summary>
<form method="post" action="<%= it.approval.action %>">
<input type="hidden" name="fingerprint" value="<%= it.approval.fingerprint %>">
<label>Your name <input name="name" required maxlength="100" autocomplete="name"></label>
<label>Comment (optional) <input name="comment" maxlength="1000"></label>
<button type="submit">Approve this version</button>
</form></details>
<% } %></div>
<% } %>
<% if (it.header.length) { %><header class="site-header"><%~ include('@blocks', { blocks: it.header }) %></header>
<% } %>
<%~ it.content %>
<% if (it.footer.length) { %><footer class="site-footer"><%~ include('@blocks', { blocks: it.footer }) %></footer>
<% } %>
<% it.popups.forEach(function (popup) { %><%~ include('@popup', popup) %>
<% }) %>
<% if (it.consent) { %><div class="promote-consent" id="promote-consent" role="dialog" aria-label="Cookie consent" hidden>
<% it.consent.texts.forEach(function (text) { %><p><%= text %></p>
<% }) %>
<button type="button" data-consent-choice="none">Decline</button><button type="button" data-consent-choice="all">Accept</button>
</div>
<% } %>
<% it.gatedScripts.forEach(function (s) { %><script type="text/plain" data-consent="<%= s.category %>" data-src="<%= s.src %>"></script>
<% }) %>
<% if (it.clientScript) { %><script type="application/json" id="promote-config"><%~ it.configJson %></script>
<script><%~ it.clientScript %></script>
<% } %>
</body>
</html>
`;

export const PAGE_CONTENT = `<main class="page page-<%= it.kind %>">
<article>
<% if (it.showTitle) { %><h1><%= it.title %></h1>
<% } %>
<% if (it.post) { %><p class="post-meta"><% if (it.post.author) { %>By <%= it.post.author %><% } %><% if (it.post.author && it.post.date) { %> · <% } %><% if (it.post.date) { %><time datetime="<%= it.post.datetime %>"><%= it.post.date %></time><% } %></p>
<% } %>
<%~ include('@blocks', { blocks: it.blocks }) %>
<% if (it.post && it.post.tags.length) { %><p class="post-meta">Tags: <%= it.post.tags.join(', ') %></p>
<% } %>
</article>
</main>`;

/** A short page of text: the 404 page, the maintenance page, a form's thank-you or its errors. */
export const NOTICE = `<main class="page notice">
<h1><%= it.title %></h1>
<% it.paragraphs.forEach(function (lines) { %><p><% lines.forEach(function (line, i) { %><% if (i) { %><br><% } %><%= line %><% }) %></p>
<% }) %>
<% if (it.items.length) { %><ul class="errors">
<% it.items.forEach(function (item) { %><li><%= item %></li>
<% }) %>
</ul>
<% } %>
<% if (it.link) { %><p><a href="<%= it.link.href %>"><%= it.link.label %></a></p>
<% } %>
</main>`;
