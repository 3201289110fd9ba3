//! The copy desk's corrections as a reader meets them, and an edition made from data alone
//! (`tests/fixtures/edition`, built by `make edition`) working as a site.

use super::*;
use dataset::model::Dataset;
use std::path::Path;
use std::sync::OnceLock;
use torch2024::model::{MilestoneKind, Sentence};

/// The sentence a key task comes from: its restored pieces and their notes.
fn task_sentence(i: usize) -> &'static Sentence {
    let ds = dataset();
    ds.sentence(&ds.tasks[i].source)
        .expect("a task's source is a sentence")
}

/// In Simplified Chinese, the note on 積蓄髮展 still names the characters it is about: the
/// converter would turn 發, 髮 and 发 all into 发.
pub async fn simplified_restoration_note_keeps_its_characters(ctx: &Ctx<'_>) -> Outcome {
    let sentence = task_sentence(0);
    let restored = sentence
        .reading
        .iter()
        .find_map(|p| p.restored.as_ref().map(|r| (p, r)));
    let Some((piece, restoration)) = restored else {
        return Err(format!("{} has no restored span", sentence.id));
    };
    open(ctx, "?lang=zh-Hans").await?;
    click(ctx, "#section-tasks .task-source").await?;
    wait_for(ctx, "dialog.source-dialog[open] mark.restored").await?;
    let note = script(
        ctx,
        "return document.querySelector('dialog.source-dialog mark.restored').title;",
    )
    .await?;
    let note = note.as_str().unwrap_or_default();
    expect_eq("the Simplified note", note, restoration.why.hans.as_str())?;
    // The restored character in its Traditional form (發) and the damaged one (髮) are both
    // still there, as the Traditional note has them.
    for c in [piece.hant.as_str(), "髮"] {
        expect(
            &format!("the Simplified note names `{c}`: {note}"),
            note.contains(c) && restoration.why.hant.contains(c),
        )?;
    }
    Ok(())
}

/// Baidu's PaddlePaddle centre landed (落地), so the "signed & launched" filter shows it.
pub async fn baidu_card_shows_under_signed_and_launched(ctx: &Ctx<'_>) -> Outcome {
    let filter = Filter {
        kinds: [MilestoneKind::Landed].into(),
        ..Filter::default()
    };
    let want = expected_cards(&filter, Lang::En);
    expect(
        "the data has Baidu's centre under `landed`",
        want.iter().any(|id| id == "baidu-paddlepaddle-centre"),
    )?;
    open(ctx, "?lang=en&kind=landed").await?;
    wait_card_ids(ctx, &want, "the signed-and-launched cards").await?;
    let label = text(
        ctx,
        ".card[data-project='baidu-paddlepaddle-centre'] .milestones",
    )
    .await?;
    expect(
        &format!(
            "its card says `{}`: {label}",
            (torch2024::i18n::strings(Lang::En).milestone)(MilestoneKind::Landed)
        ),
        label.contains((torch2024::i18n::strings(Lang::En).milestone)(
            MilestoneKind::Landed,
        )),
    )
}

/// The fixture edition's data, read as its build read it.
pub(super) fn edition() -> &'static Dataset {
    static EDITION: OnceLock<Dataset> = OnceLock::new();
    EDITION.get_or_init(|| {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../fixtures/edition");
        dataset::load(&dir).unwrap_or_else(|e| panic!("the fixture edition loads: {e}"))
    })
}

/// The second edition, built with no change to the code, is a working site of its own: its
/// title, cards, chart, tasks and tiles (each figure once), its search, and its language links
/// to its own pages.
pub async fn another_edition_opens(ctx: &Ctx<'_>) -> Outcome {
    let ed = edition();
    open_at(ctx, &format!("{}?lang=zh-Hant", ctx.edition.base)).await?;
    let title = script(ctx, "return document.title;").await?;
    expect_eq(
        "the title",
        title.as_str().unwrap_or_default(),
        ed.meta.title.hant.as_str(),
    )?;
    wait_cards(ctx, ed.projects.len()).await?;
    wait_until(
        ctx,
        &format!("{} == {}", charts_drawn_in("document"), ed.charts.len()),
        "the edition's chart, drawn inline",
    )
    .await?;
    expect_eq(
        "the tasks' heading",
        text(ctx, "#tasks-title").await?,
        ed.tasks_title.hant.clone(),
    )?;
    // Each figure once: a tile for each figure on no chart and each derived one; the chart
    // shows the others.
    let mut tiles: Vec<String> = serde_json::from_value(
        script(
            ctx,
            "return Array.from(document.querySelectorAll('.tile')).map(t => t.dataset.figure);",
        )
        .await?,
    )
    .map_err(|e| e.to_string())?;
    tiles.sort();
    let mut want: Vec<String> = ed
        .figures
        .iter()
        .filter(|f| ed.chart_of(&f.id).is_none())
        .map(|f| f.id.clone())
        .chain(ed.derived.iter().map(|d| d.id.clone()))
        .collect();
    want.sort();
    expect_eq(
        "tiles, one per figure on no chart and per derived figure",
        tiles,
        want,
    )?;
    expect_charts_list_their_bars(ctx, ed, "the edition's chart").await?;
    let name = &ed.projects[0];
    type_search(ctx, &name.name.hant).await?;
    wait_card_ids(
        ctx,
        std::slice::from_ref(&name.id),
        "the one card the search names",
    )
    .await?;
    // Its language links lead to its own English page, with the search.
    mark_page(ctx).await?;
    click(ctx, ".lang-switch a[data-lang='en']").await?;
    wait_new_page(ctx, "the edition's English page").await?;
    let at = script(
        ctx,
        "return [location.pathname, document.documentElement.lang, document.title];",
    )
    .await?;
    expect_eq(
        "the edition's English page",
        at,
        json!([format!("{}en.html", crate::PREFIX), "en", ed.meta.title.en]),
    )?;
    expect_eq(
        "the search carried to the English page",
        search_field(ctx).await?,
        json!(name.name.hant),
    )?;
    wait_card_ids(
        ctx,
        std::slice::from_ref(&name.id),
        "the one card the search names, in English",
    )
    .await
}

/// An achievement that is no number (the BRICS award) stands in its section, not as a project
/// card, and opens the sentence it comes from.
pub async fn an_award_without_a_number_stands_in_its_section(ctx: &Ctx<'_>) -> Outcome {
    let ds = dataset();
    let Some(group) = ds.groups.iter().find(|g| !g.highlights.is_empty()) else {
        return Err("no group has highlights".into());
    };
    open(ctx, "?lang=en").await?;
    let css = format!("#section-{} .highlight", group.id);
    let shown = text(ctx, &css).await?;
    let sentence = ds
        .sentence(&group.highlights[0])
        .expect("a highlight is a sentence");
    expect(
        &format!("the highlight says the sentence `{}`: {shown}", sentence.en),
        sentence.en.contains(shown.trim()),
    )?;
    click(ctx, &css).await?;
    wait_for(ctx, "dialog.source-dialog[open] .sentence").await?;
    let panel = text(ctx, "dialog.source-dialog").await?;
    expect(
        &format!("the panel holds the original `{}`", sentence.original),
        panel.contains(&sentence.original),
    )
}
