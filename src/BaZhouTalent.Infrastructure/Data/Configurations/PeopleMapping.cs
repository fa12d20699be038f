using BaZhouTalent.Application.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BaZhouTalent.Infrastructure.Data.Configurations;

/// <summary>The leader and participant mappings are the same on the register and on the application.</summary>
internal static class PeopleMapping
{
    public static void MapLeader<TOwner>(OwnedNavigationBuilder<TOwner, PersonDetails> leader) where TOwner : class
    {
        leader.Property(p => p.Name).HasMaxLength(FieldLengths.PersonName);
        // A search of one or two characters (too short for the trigram index) reads this narrow index, not the table.
        leader.HasIndex(p => p.Name);
        leader.Property(p => p.Gender).HasMaxLength(8);
        leader.Property(p => p.Ethnicity).HasMaxLength(20);
        leader.Property(p => p.Unit).HasMaxLength(FieldLengths.UnitName);
        leader.Property(p => p.AdministrativePost).HasMaxLength(FieldLengths.ShortName);
        leader.Property(p => p.ProfessionalTitle).HasMaxLength(FieldLengths.ShortName);
        leader.Property(p => p.Address).HasMaxLength(FieldLengths.Address);
        leader.Property(p => p.Phone).HasMaxLength(FieldLengths.Phone);
    }

    public static void MapParticipants<TOwner>(OwnedNavigationBuilder<TOwner, Participant> participant, string table)
        where TOwner : class
    {
        participant.ToTable(table);
        participant.WithOwner().HasForeignKey("OwnerId");
        participant.Property<int>("Id");
        participant.HasKey("Id");
        participant.Property(p => p.Name).HasMaxLength(FieldLengths.PersonName);
        participant.Property(p => p.Unit).HasMaxLength(FieldLengths.UnitName);
        participant.Property(p => p.Title).HasMaxLength(FieldLengths.ShortName);
        participant.Property(p => p.Phone).HasMaxLength(FieldLengths.Phone);
    }
}
