export const BLOCKS = `<% it.blocks.forEach(function (b) { %><%~ include('@block', b) %>
<% }) %>`;

export const BLOCK = `<% if (it.kind === 'heading') { %><h<%= it.level %> data-block="<%= it.id %>"><%= it.text %></h<%= it.level %>><% } else if (it.kind === 'text') { %><div class="text" data-block="<%= it.id %>"><%~ include('@paragraphs', it) %></div><% } else if (it.kind === 'image') { %><figure data-block="<%= it.id %>"><img src="<%= it.src %>" alt="<%= it.alt %>" loading="lazy" decoding="async"></figure><% } else if (it.kind === 'form') { %><div data-block="<%= it.id %>"><%~ include('@form', it.form) %></div><% } else if (it.kind === 'html') { %><div class="html" data-block="<%= it.id %>"><%~ it.html %></div><% } else if (it.kind === 'link') { %><p data-block="<%= it.id %>"><a href="<%= it.link.href %>"<% if (it.button) { %> class="button"<% } %>><%= it.link.label %></a></p><% } else if (it.kind === 'navbar') { %><nav class="navbar" data-block="<%= it.id %>"><a class="brand" href="<%= it.brand.href %>"><%= it.brand.label %></a><% it.links.forEach(function (l) { %><a href="<%= l.href %>"><%= l.label %></a><% }) %></nav><% } else if (it.kind === 'hero') { %><section class="hero" data-block="<%= it.id %>"><% if (it.image) { %><img src="<%= it.image.src %>" alt="<%= it.image.alt %>"><% } %><h1><%= it.title %></h1><% if (it.subtitle) { %><p><%= it.subtitle %></p><% } %></section><% } else if (it.kind === 'component') { %><div class="component component-<%= it.name %>" data-block="<%= it.id %>"><% if (it.text) { %><p><%= it.text %></p><% } %></div><% } else { %><div class="block" data-block="<%= it.id %>" data-type="<%= it.type %>"></div><% } %>`;

export const PARAGRAPHS = `<% it.paragraphs.forEach(function (lines) { %><p><% lines.forEach(function (line, i) { %><% if (i) { %><br><% } %><%= line %><% }) %></p><% }) %>`;

export const FORM = `<form class="form" method="post" action="<%= it.action %>" data-form="<%= it.key %>">
<% if (it.title) { %><h2><%= it.title %></h2>
<% } %>
<% it.fields.forEach(function (f) { %><% if (f.type === 'checkbox') { %><label class="check" for="<%= f.id %>"><input type="checkbox" id="<%= f.id %>" name="<%= f.name %>" value="yes"<% if (f.required) { %> required<% } %>> <%= f.label %></label>
<% } else { %><label for="<%= f.id %>"><%= f.label %>
<% if (f.type === 'textarea') { %><textarea id="<%= f.id %>" name="<%= f.name %>" rows="5" placeholder="<%= f.placeholder %>"<% if (f.required) { %> required<% } %>></textarea>
<% } else if (f.type === 'select') { %><select id="<%= f.id %>" name="<%= f.name %>"<% if (f.required) { %> required<% } %>><option value="">Choose…</option><% f.options.forEach(function (o) { %><option value="<%= o %>"><%= o %></option><% }) %></select>
<% } else { %><input type="<%= f.type %>" id="<%= f.id %>" name="<%= f.name %>" placeholder="<%= f.placeholder %>"<% if (f.type === 'number') { %> step="any"<% } %><% if (f.required) { %> required<% } %>>
<% } %></label>
<% } %><% }) %>
<div class="hp" aria-hidden="true"><label for="<%= it.honeypotId %>">Leave this field empty</label><input type="text" id="<%= it.honeypotId %>" name="<%= it.honeypotName %>" tabindex="-1" autocomplete="off"></div>
<button type="submit"><%= it.submitLabel %></button>
</form>`;

export const POPUP = `<div class="promote-popup" role="dialog" aria-modal="false" data-popup="<%= it.key %>" data-trigger="<%= it.trigger %>" data-delay="<%= it.delaySeconds %>" data-scroll="<%= it.scrollPercent %>" hidden>
<button type="button" class="close" aria-label="Close">×</button>
<% if (it.title) { %><h2><%= it.title %></h2>
<% } %>
<%~ include('@paragraphs', it) %>
<% if (it.form) { %><%~ include('@form', it.form) %>
<% } %>
</div>`;
