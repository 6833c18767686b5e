//! The edge where newsdesk's neutral embeds ([`EmbedSpec`], laid out and clamped by
//! `render::discord`) become serenity's builders. Nothing below `bot` uses serenity.

use crate::render::discord::EmbedSpec;

/// serenity's embed builder for a spec (already clamped by the page).
pub fn to_create_embed(spec: &EmbedSpec) -> serenity::all::CreateEmbed {
    let spec = spec.clamped();
    let mut e = serenity::all::CreateEmbed::new().colour(spec.color);
    if !spec.title.is_empty() {
        e = e.title(spec.title);
        if let Some(url) = spec.url {
            e = e.url(url);
        }
    }
    if !spec.description.is_empty() {
        e = e.description(spec.description);
    }
    for f in spec.fields {
        e = e.field(f.name, f.value, f.inline);
    }
    if !spec.footer.is_empty() {
        e = e.footer(serenity::all::CreateEmbedFooter::new(spec.footer));
    }
    e
}
