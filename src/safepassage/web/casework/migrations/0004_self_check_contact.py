# A self-check's request to be contacted keeps the language the person used and how to reach
# them safely (encrypted).

import safepassage.web.casework.crypto
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('casework', '0003_audit_unreadable'),
    ]

    operations = [
        migrations.AddField(
            model_name='case',
            name='language',
            field=models.CharField(blank=True, max_length=10),
        ),
        # In the database, an empty text column (read back as {}): adding the encrypted field
        # directly would encrypt its default for existing rows, and so create the encryption
        # keys during `migrate`, where the keys must come from the first use (see crypto.py).
        migrations.SeparateDatabaseAndState(
            database_operations=[
                migrations.AddField(
                    model_name='case',
                    name='safe_contact',
                    field=models.TextField(blank=True, default=''),
                ),
            ],
            state_operations=[
                migrations.AddField(
                    model_name='case',
                    name='safe_contact',
                    field=safepassage.web.casework.crypto.EncryptedJSONField(blank=True, default=dict),
                ),
            ],
        ),
    ]
