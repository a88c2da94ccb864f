//! #13 members: the side panel's fields for one Tencent member — the name card and the app's
//! member custom fields, each with a **byte** counter (50 and 64 bytes: a Chinese character is
//! 3 bytes, so both counts are shown) — saved in one change.

use std::collections::BTreeMap;

use crate::model::Member;
use crate::model::tencent::TcGroup;
use crate::protocol::tencent::limits::{MEMBER_VALUE_BYTES, NAME_CARD_BYTES};
use crate::tr;
use crate::ui::widgets;

/// What the operator saves for one member: the changed name card and custom fields.
pub struct TencentSave {
    pub name_card: Option<String>,
    pub custom: BTreeMap<String, String>,
}

/// The edited member's custom fields: (user id, values by key).
pub type CustomEdit = Option<(String, BTreeMap<String, String>)>;

/// "12 / 50 bytes (4 characters)", and whether it fits.
fn counter_ui(ui: &mut egui::Ui, text: &str, max: usize) -> bool {
    let (bytes, chars) = (text.len(), text.chars().count());
    let ok = bytes <= max;
    let label = tr!("editor-bytes", bytes = bytes, max = max, chars = chars);
    if ok {
        ui.label(egui::RichText::new(label).weak().small());
    } else {
        widgets::problem_ui(ui, label);
    }
    ok
}

/// Name card and custom fields of `user` (`row`: as loaded); the change when saved.
pub fn member_fields_ui(ui: &mut egui::Ui, user: &str, card: &mut String, row: Option<&Member>, tc: &TcGroup, edit: &mut CustomEdit) -> Option<TencentSave> {
    let keys = &tc.member_fields;
    if edit.as_ref().is_none_or(|(u, _)| u != user) {
        let values = keys.iter().map(|k| (k.clone(), row.and_then(|r| r.custom.get(k).cloned()).unwrap_or_default())).collect();
        *edit = Some((user.to_owned(), values));
    }
    let (_, values) = edit.as_mut()?;
    let mut ok = true;
    let l = ui.label(tr!("editor-name-card"));
    ui.add(egui::TextEdit::singleline(card).desired_width(f32::INFINITY).hint_text(tr!("editor-name-card-hint"))).labelled_by(l.id);
    ok &= counter_ui(ui, card, NAME_CARD_BYTES);
    for (key, value) in values.iter_mut() {
        let label = tc.member_fields.iter().position(|k| k == key).map_or(key.as_str(), |i| tc.member_field_label(i));
        let l = ui.label(tr!("editor-member-field", label = label, key = key.as_str()));
        ui.add(egui::TextEdit::singleline(value).desired_width(f32::INFINITY)).labelled_by(l.id);
        ok &= counter_ui(ui, value, MEMBER_VALUE_BYTES);
    }
    let old_card = row.map(|r| r.nickname.as_str()).unwrap_or_default();
    let name_card = (card.as_str() != old_card).then(|| card.clone());
    let custom: BTreeMap<String, String> = values.iter().filter(|(k, v)| row.and_then(|r| r.custom.get(*k)).map_or(!v.is_empty(), |old| old != *v)).map(|(k, v)| (k.clone(), v.clone())).collect();
    let changed = name_card.is_some() || !custom.is_empty();
    let save = ui.add_enabled(ok && changed, egui::Button::new(tr!("editor-save"))).clicked();
    save.then_some(TencentSave { name_card, custom })
}
