"""The role change form."""
from wtforms import SelectField
from wtforms.fields.choices import SelectChoice

from forum.forms import Form
from forum.models import Role


class RoleForm(Form):
    role = SelectField("Role", choices=[SelectChoice(r.value, r.label) for r in Role])
